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

    /// <summary>Holds the next <paramref name="method"/> request to the todo API at <paramref name="pathPrefix"/> (see <see cref="HeldRequest"/>).</summary>
    public Task<HeldRequest> HoldNextApiRequestAsync(string method, string pathPrefix) =>
        HeldRequest.HoldNextAsync(Context, method, _app.ApiUrl + pathPrefix);

    /// <summary>
    /// Waits until the todo API's list of this user's todos (read with a JWT minted from this context's session cookie,
    /// outside any page and any route) satisfies <paramref name="condition"/>: a write sent as its page went away lands
    /// a moment later. Fails with the titles last seen.
    /// </summary>
    public async Task WaitForTitlesOnServerAsync(Func<IReadOnlyList<string>, bool> condition, string because)
    {
        var token = await Context.APIRequest.GetAsync($"{_app.GatewayUrl}/api/auth/token");
        token.Status.Should().Be(200, await token.TextAsync());
        var jwt = (await token.JsonAsync())?.GetProperty("token").GetString();
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {jwt}" };
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IReadOnlyList<string> titles = [];
        while (DateTime.UtcNow < deadline)
        {
            var response = await Context.APIRequest.GetAsync($"{_app.ApiUrl}/api/todos?pageSize=100", new() { Headers = headers });
            response.Status.Should().Be(200, await response.TextAsync());
            titles = [.. (await response.JsonAsync())!.Value.GetProperty("items").EnumerateArray()
                .Select(item => item.GetProperty("title").GetString()!)];
            if (condition(titles))
            {
                return;
            }

            await Task.Delay(100);
        }

        condition(titles).Should().BeTrue("{0} (the server has: {1})\n{2}", because, string.Join(", ", titles), _app.HostOutput);
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
