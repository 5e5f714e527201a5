using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TodoClean.TestCommon;

/// <summary>
/// A host run as a real process on loopback (Kestrel, its own configuration from environment variables), as the README
/// runs it. The built host assemblies sit beside the test assembly. Killed on dispose.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Whether the process has ended (e.g. refused to start).</summary>
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The warnings and errors the host logged so far, each with its exception: what a failing test shows to say why a
    /// request failed on the server.
    /// </summary>
    public string Problems
    {
        get
        {
            var problems = new StringBuilder();
            var keep = false;
            foreach (var line in Output.Split('\n'))
            {
                // Each entry starts "[HH:mm:ss LVL]"; the lines after it (an exception) belong to it.
                if (line.Length > 13 && line[0] == '[' && line[9] == ' ' && line[13] == ']')
                {
                    keep = line.AsSpan(10, 3) is "WRN" or "ERR" or "FTL";
                }

                if (keep)
                {
                    problems.AppendLine(line.TrimEnd('\r'));
                }
            }

            return problems.Length == 0 ? "(no warnings or errors logged)" : problems.ToString();
        }
    }

    /// <summary>Starts <paramref name="assemblyName"/> (e.g. <c>TodoClean.WebApi</c>) with exactly the given environment additions.</summary>
    public static HostProcess Start(string assemblyName, IDictionary<string, string?> environment, string? workingDirectory = null) =>
        Start(assemblyName, environment, FreePort(), workingDirectory);

    /// <summary>
    /// Starts <paramref name="assemblyName"/> on a port chosen up front (see <see cref="FreePort"/>), for settings that
    /// must name the host's own URL before it starts (e.g. <c>Auth__BaseUrl</c>).
    /// </summary>
    public static HostProcess Start(
        string assemblyName, IDictionary<string, string?> environment, int port, string? workingDirectory = null)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, $"{assemblyName}.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? ContentRoot(assemblyName),
        };
        foreach (var key in new[] { "FRONTEND_JWT_SECRET", "BACKEND_JWT_SECRET", "Jwt__Secret", "BETTER_AUTH_SECRET" })
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/health</c> answers 200; fails with the host's output if it exits or takes too long.</summary>
    public async Task WaitHealthyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting up to answer within the probe's timeout.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Host did not become healthy:\n{Output}");
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
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

    /// <summary>The host's project folder (its appsettings.json), as when it is run from the README; else the test folder.</summary>
    private static string ContentRoot(string assemblyName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", assemblyName.Replace("TodoClean.", string.Empty, StringComparison.Ordinal));
            if (File.Exists(Path.Combine(dir.FullName, "TodoClean.sln")) && Directory.Exists(project))
            {
                return project;
            }
        }

        return AppContext.BaseDirectory;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
