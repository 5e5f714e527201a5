using Microsoft.Playwright;
using TodoClean.TestCommon;

namespace TodoClean.E2E.Infrastructure;

/// <summary>
/// Both hosts as real processes on loopback with fresh stores, wired to each other the way the README runs them (the
/// gateway serves the UI and names the API; the API allows the gateway's origin), plus one headless Chromium.
/// Every test opens its own browser contexts, so tests never share cookies or storage.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private readonly TemporaryDirectory _directory = new("todoclean-e2e");
    private HostProcess? _gateway;
    private HostProcess? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the UI and <c>/api/auth</c> live, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string GatewayUrl { get; private set; } = string.Empty;

    /// <summary>Where the todo API lives.</summary>
    public string ApiUrl { get; private set; } = string.Empty;

    /// <summary>The gateway's mail pickup directory: every reset or verification message as an <c>.eml</c> file.</summary>
    public string OutboxDirectory => _directory.File("outbox");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The JWT lifetime the gateway issues; null keeps the production default (15 minutes).</summary>
    protected virtual TimeSpan? AccessTokenLifetime => null;

    public async Task InitializeAsync()
    {
        // Generous, because the suite may share a small machine with other builds; passing runs never wait this long.
        Assertions.SetDefaultExpectTimeout(15_000);
        var secret = TestSecrets.NewSecret();
        var startup = TimeSpan.FromSeconds(90);
        var playwright = Playwright.CreateAsync();
        (_gateway, _api) = await ChosenPorts.StartAsync(gatewayPort => StartHostsAsync(gatewayPort, secret, startup));
        GatewayUrl = _gateway.BaseUrl;
        ApiUrl = _api.BaseUrl;
        await Task.WhenAll(_gateway.WaitHealthyAsync(startup), _api.WaitHealthyAsync(startup), playwright);
        _playwright = await playwright;
        await WarmUpAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>
    /// The two hosts name each other: the gateway its own URL (<c>Auth__BaseUrl</c>) and the API's (<c>Ui__ApiBaseUrl</c>),
    /// the API the gateway's origin (CORS). So the gateway's port is chosen up front, the API binds port 0 and reports its
    /// address, then the gateway starts on its port; if that port was taken meanwhile, both start again on a new one.
    /// </summary>
    private async Task<(HostProcess Gateway, HostProcess Api)> StartHostsAsync(int gatewayPort, string secret, TimeSpan startup)
    {
        var gatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        // Fresh stores per attempt: a gateway stopped by a taken port may have begun migrating its store.
        var api = new Dictionary<string, string?>
        {
            ["BACKEND_JWT_SECRET"] = secret,
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File($"todos-{gatewayPort}.db")}",
            ["Cors__AllowedOrigins__0"] = gatewayUrl,
            // As `build.ps1 run` runs it: sign-outs reach the API through the gateway's revocation feed.
            ["Revocation__FeedUrl"] = gatewayUrl,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        var gateway = new Dictionary<string, string?>
        {
            ["FRONTEND_JWT_SECRET"] = secret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File($"auth-{gatewayPort}.db")}",
            ["PasswordHashing__Iterations"] = HostSettings.TestHashIterations,
            ["Auth__BaseUrl"] = gatewayUrl,
            // As `build.ps1 run` does: reset and verification mail lands as .eml files the tests read the links from.
            ["Mail__PickupDirectory"] = OutboxDirectory,
            // Every browser in the run comes from 127.0.0.1: per-address limits would throttle the suite, not a user.
            // The per-session token limit stays on, so a refresh loop in the UI would still be caught.
            ["RateLimiting__CredentialPermitsPerIp"] = "10000",
            ["RateLimiting__TokenPermitsPerIp"] = "10000",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        if (AccessTokenLifetime is { } lifetime)
        {
            gateway["Jwt__AccessTokenLifetime"] = lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            // With a lifetime of seconds, the API's 30 s leeway would hide expiry altogether.
            api["Jwt__ClockSkew"] = "00:00:00";
        }

        var apiHost = HostProcess.Start("TodoClean.WebApi", api);
        try
        {
            gateway["Ui__ApiBaseUrl"] = await apiHost.WaitListeningAsync(startup);
            return (await HostProcess.StartOnPortAsync("TodoClean.AuthGateway", gateway, gatewayPort), apiHost);
        }
        catch
        {
            await apiHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new user who already has an account: signed up in a browser of their own, closed again.</summary>
    public async Task<TestUser> SignedUpUserAsync(string name = "Ada Lovelace")
    {
        var user = TestUser.Create(name);
        await using var browser = await OpenAsync();
        await browser.Page.SignUpAsync(user);
        return user;
    }

    /// <summary>A fresh browser context (its own cookies and storage) with one page, pointed at the gateway.</summary>
    public async Task<BrowserSession> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = GatewayUrl,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var session = new BrowserSession(this, context);
        await session.NewPageAsync();
        return session;
    }

    /// <summary>The hosts' combined console output, for failure messages.</summary>
    public string HostOutput => $"--- gateway ---\n{_gateway?.Output}\n--- api ---\n{_api?.Output}";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _directory.Dispose();
    }

    /// <summary>
    /// One sign-up, token and todo list over plain HTTP, so the first browser test measures the UI rather than the
    /// hosts' just-in-time compilation and first database connections.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var gateway = new HttpClient { BaseAddress = new Uri(GatewayUrl) };
        using var api = new HttpClient { BaseAddress = new Uri(ApiUrl) };
        var user = await AuthFlows.SignUpAsync(gateway, AuthFlows.NewEmail("warm-up"));
        api.WithBearer(await AuthFlows.GetJwtAsync(gateway, user.SessionToken));
        (await api.GetAsync("/api/todos")).EnsureSuccessStatusCode();
        (await gateway.GetAsync("/")).EnsureSuccessStatusCode();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromium;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"Chromium not found at {path}. Install it with 'apt-get install chromium' (or set CHROMIUM_PATH); " +
                "browsers cannot be downloaded by Playwright here.");
    }
}
