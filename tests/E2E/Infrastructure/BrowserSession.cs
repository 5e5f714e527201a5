using Microsoft.Playwright;

namespace TodoClean.E2E.Infrastructure;

/// <summary>
/// One browser context (one "device": its own cookies and storage) and its pages. Script errors and console errors —
/// which is where Content-Security-Policy violations show up — are collected so a test can insist there were none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly AppFixture _app;
    private readonly List<IPage> _pages = [];
    private readonly List<string> _problems = [];

    public BrowserSession(AppFixture app, IBrowserContext context)
    {
        _app = app;
        Context = context;
    }

    public IBrowserContext Context { get; }

    /// <summary>The first page (tab) of this context.</summary>
    public IPage Page => _pages[0];

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Opens another tab in the same context (same cookies, same BroadcastChannel).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Chrome logs every 4xx/5xx response as "Failed to load resource"; those are expected (wrong password…).
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught script error: {error}");
        _pages.Add(page);
        return page;
    }

    /// <summary>Fails when any page of this context threw or logged an error (CSP violations included).</summary>
    public void ShouldHaveRunCleanly() =>
        Problems.Should().BeEmpty("the UI must run without script errors or CSP violations\n{0}", _app.HostOutput);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
