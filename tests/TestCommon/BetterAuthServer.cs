using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TodoClean.TestCommon;

/// <summary>
/// A real Better Auth server (<c>tests/Conformance/reference-server.mjs</c>: better-auth 1.7.25 with its jwt and bearer
/// plugins, memory store) as a Node.js process on a loopback port it picks. Its packages are the conformance suite's:
/// <c>npm ci</c> in tests/Conformance is the only install. Killed on dispose.
/// </summary>
public sealed class BetterAuthServer : IAsyncDisposable
{
    private readonly Process _process;

    private BetterAuthServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    /// <summary>The server's base URL (<c>http://127.0.0.1:port</c>), Better Auth's default JWT issuer and audience.</summary>
    public string BaseUrl { get; }

    public string JwksUrl => $"{BaseUrl}/api/auth/jwks";

    private HttpClient Client { get; }

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

    /// <summary>Signs up a new user with email and password; returns the user id and the session (bearer) token.</summary>
    public async Task<(string UserId, string SessionToken)> SignUpAsync(string email, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-up/email")
        {
            Content = JsonContent.Create(new { email, password = "correct horse battery staple", name }),
        };
        request.Headers.Add("Origin", BaseUrl);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.Should().BeTrue($"Better Auth signs the user up (it answered {body})");
        return (body.GetProperty("user").GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>The JWT Better Auth's <c>GET /api/auth/token</c> gives for a session (the jwt plugin's own signing).</summary>
    public async Task<string> TokenAsync(string sessionToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token");
        request.Headers.Authorization = new("Bearer", sessionToken);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
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
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
