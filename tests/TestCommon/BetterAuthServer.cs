using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace TodoClean.TestCommon;

/// <summary>
/// A real Better Auth server (<c>tests/Conformance/reference-server.mjs</c>: better-auth 1.7.25 with its jwt and bearer
/// plugins, memory store) as a Node.js process on a loopback port it picks; users sign up and get their JWTs through the
/// real <c>better-auth</c> client (<c>tests/Conformance/client.mjs</c>). Its packages are the conformance suite's:
/// <c>npm ci</c> in tests/Conformance is the only install. Killed on dispose.
/// </summary>
public sealed class BetterAuthServer : IAsyncDisposable
{
    private readonly Process _process;

    private BetterAuthServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's base URL (<c>http://127.0.0.1:port</c>), Better Auth's default JWT issuer and audience.</summary>
    public string BaseUrl { get; }

    public string JwksUrl => $"{BaseUrl}/api/auth/jwks";

    /// <summary>Starts the server, its jwt plugin signing with <paramref name="algorithm"/> (null: its default, EdDSA).</summary>
    public static async Task<BetterAuthServer> StartAsync(string? algorithm = null)
    {
        var directory = ConformanceDirectory();
        var start = new ProcessStartInfo("node", ["reference-server.mjs", "--port", "0"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (algorithm is not null)
        {
            start.Environment["JWT_ALG"] = algorithm;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                return new BetterAuthServer(process, line["LISTENING ".Length..].Trim());
            }
        }

        process.Kill(entireProcessTree: true);
        lock (errors)
        {
            throw new InvalidOperationException($"The Better Auth reference server did not start: {errors}");
        }
    }

    /// <summary>
    /// Signs up a new user with email and password through the real <c>better-auth</c> client (<c>tests/Conformance/client.mjs</c>);
    /// returns the user id and the session (bearer) token.
    /// </summary>
    public async Task<(string UserId, string SessionToken)> SignUpAsync(string email, string name)
    {
        var answer = await RunClientAsync("sign-up", BaseUrl, email, name, "correct horse battery staple");
        return (answer.GetProperty("userId").GetString()!, answer.GetProperty("sessionToken").GetString()!);
    }

    /// <summary>The JWT the real client's <c>token()</c> gets for a session (the jwt plugin's <c>GET /api/auth/token</c>).</summary>
    public async Task<string> TokenAsync(string sessionToken) =>
        (await RunClientAsync("token", BaseUrl, sessionToken)).GetProperty("token").GetString()!;

    private static async Task<JsonElement> RunClientAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node", ["client.mjs", .. arguments])
        {
            WorkingDirectory = ConformanceDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"the better-auth client's {arguments[0]} succeeds (it said: {await errors})");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    /// <summary>tests/Conformance of this repository, found upwards from the test assembly; its packages must be installed.</summary>
    private static string ConformanceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Conformance");
            if (File.Exists(Path.Combine(candidate, "reference-server.mjs")))
            {
                return Directory.Exists(Path.Combine(candidate, "node_modules", "better-auth"))
                    ? candidate
                    : throw new InvalidOperationException(
                        $"better-auth is not installed: run 'npm ci' in {candidate} (build.ps1 test does it).");
            }
        }

        throw new InvalidOperationException("tests/Conformance was not found above the test assembly.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
