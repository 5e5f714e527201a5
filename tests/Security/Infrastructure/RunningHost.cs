using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>
/// One host as a real process on loopback with its own fresh SQLite store, started the way the README runs it
/// (<c>ASPNETCORE_ENVIRONMENT=Production</c>, configuration from environment variables).
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string GatewayAssembly = "TodoClean.AuthGateway";
    public const string ApiAssembly = "TodoClean.WebApi";

    /// <summary>Fast hashing for tests only; the production parameters are checked by their own test.</summary>
    public const string TestHashIterations = "1000";

    /// <summary>
    /// Extra <c>KEY=VALUE</c> settings (separated by <c>;</c>) for every host this suite starts, applied last. Only for
    /// showing that a test fails when a protection is configured away, e.g.
    /// <c>SECURITY_TESTS_HOST_ENV="RateLimiting__FailuresPerAccount=1000"</c>; unset in normal runs.
    /// </summary>
    public const string OverrideVariable = "SECURITY_TESTS_HOST_ENV";

    private readonly TemporaryDirectory _directory;

    private RunningHost(HostProcess process, TemporaryDirectory directory, string storePath)
    {
        Process = process;
        _directory = directory;
        StorePath = storePath;
        Client = CreateClient();
    }

    public HostProcess Process { get; }

    public string BaseUrl => Process.BaseUrl;

    /// <summary>The SQLite file of this host's store (auth.db or todos.db).</summary>
    public string StorePath { get; }

    /// <summary>What the host wrote to stdout and stderr so far: its logs.</summary>
    public string Output => Process.Output;

    /// <summary>
    /// A client without a cookie jar or redirects: every header a test sends is explicit. A 5xx answer fails the request
    /// with what the host logged (<see cref="ServerErrorsExplained"/>).
    /// </summary>
    public HttpClient Client { get; }

    /// <summary>
    /// The gateway on a port chosen up front, so <c>Auth__BaseUrl</c> (its trusted origin) is its real address.
    /// <paramref name="settings"/> override the defaults (a null value removes a default).
    /// </summary>
    public static Task<RunningHost> StartGatewayAsync(
        IDictionary<string, string?>? settings = null, string? secret = null, string? baseUrlScheme = null)
    {
        var directory = new TemporaryDirectory("todoclean-security-gateway");
        var store = directory.File("auth.db");
        return StartAsync(directory, store, () => HostProcess.StartWithOwnUrlAsync(GatewayAssembly, port => WithSettings(new()
        {
            ["FRONTEND_JWT_SECRET"] = secret ?? TestSecrets.JwtSecret,
            ["ConnectionStrings__Auth"] = $"Data Source={store}",
            ["PasswordHashing__Iterations"] = TestHashIterations,
            ["Auth__BaseUrl"] = baseUrlScheme == "https" ? $"https://localhost:{port}" : $"http://127.0.0.1:{port}",
            ["RateLimiting__Enabled"] = "false",
        }, settings)));
    }

    /// <summary>The API with its own store, trusting JWTs signed with <paramref name="secret"/>, on a port it picks.</summary>
    public static Task<RunningHost> StartApiAsync(IDictionary<string, string?>? settings = null, string? secret = null)
    {
        var directory = new TemporaryDirectory("todoclean-security-api");
        var store = directory.File("todos.db");
        return StartAsync(directory, store, () => Task.FromResult(HostProcess.Start(ApiAssembly, WithSettings(new()
        {
            ["BACKEND_JWT_SECRET"] = secret ?? TestSecrets.JwtSecret,
            ["ConnectionStrings__Todos"] = $"Data Source={store}",
        }, settings))));
    }

    /// <summary>
    /// A gateway, then an API that follows its revocation feed (as <c>build.ps1 run</c> runs them); if the API fails to
    /// start, the gateway is stopped too.
    /// </summary>
    public static async Task<(RunningHost Gateway, RunningHost Api)> StartPairAsync(
        string? gatewaySecret = null, string? apiSecret = null, IDictionary<string, string?>? gatewaySettings = null)
    {
        var gateway = await StartGatewayAsync(gatewaySettings, gatewaySecret);
        try
        {
            var api = await StartApiAsync(new Dictionary<string, string?> { ["Revocation__FeedUrl"] = gateway.BaseUrl }, apiSecret);
            return (gateway, api);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh client for this host (for tests that must not share connections).</summary>
    public HttpClient CreateClient() => CreateClient(from: null);

    /// <summary>
    /// A fresh client whose connections come from <paramref name="from"/>, another loopback address (127.0.0.2, …): a
    /// second client address on one machine, for limits counted per address.
    /// </summary>
    public HttpClient CreateClient(IPAddress? from) => new(new ServerErrorsExplained(this, new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = 256,
        ConnectCallback = from is null ? null : async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }))
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The output written after <paramref name="mark"/> (a previous <c>Output.Length</c>).</summary>
    public string OutputSince(int mark)
    {
        var output = Output;
        return mark <= output.Length ? output[mark..] : output;
    }

    /// <summary>Polls the host's output (written asynchronously) until <paramref name="found"/> holds or 5 s pass.</summary>
    public async Task<string> WaitForOutputAsync(int mark, Func<string, bool> found)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var text = OutputSince(mark);
            if (found(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until the host listens, then polls <c>/health</c> until 200. Unlike <see cref="HostProcess.WaitHealthyAsync"/> a slow answer (a loaded machine
    /// running several hosts) is retried, not fatal; an exit or 60 s without an answer fails with the host's output.
    /// </summary>
    private static async Task WaitHealthyAsync(HostProcess process)
    {
        await process.WaitListeningAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Host exited during start-up:\n{process.Output}");
            }

            try
            {
                if ((await client.GetAsync($"{process.BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or slow: try again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Host did not become healthy in 60 s:\n{process.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
        _directory.Dispose();
    }

    private static async Task<RunningHost> StartAsync(TemporaryDirectory directory, string store, Func<Task<HostProcess>> start)
    {
        HostProcess process;
        try
        {
            process = await start();
        }
        catch
        {
            directory.Dispose();
            throw;
        }

        try
        {
            await WaitHealthyAsync(process);
        }
        catch
        {
            await process.DisposeAsync();
            directory.Dispose();
            throw;
        }

        return new RunningHost(process, directory, store);
    }

    /// <summary><paramref name="environment"/> with <paramref name="settings"/> and then <see cref="OverrideVariable"/> applied.</summary>
    private static Dictionary<string, string?> WithSettings(Dictionary<string, string?> environment, IDictionary<string, string?>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                environment.Remove(key);
            }
            else
            {
                environment[key] = value;
            }
        }

        foreach (var pair in (Environment.GetEnvironmentVariable(OverrideVariable) ?? string.Empty)
                     .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            environment[pair[..equals]] = pair[(equals + 1)..];
        }

        return environment;
    }
}
