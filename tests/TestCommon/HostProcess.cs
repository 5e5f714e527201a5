using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TodoClean.TestCommon;

/// <summary>
/// A host run as a real process on loopback (Kestrel, its own configuration from environment variables), as the README
/// runs it. The built host assemblies sit beside the test assembly. Killed on dispose.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private const string LifetimeLogger = "Microsoft.Hosting.Lifetime";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234</c>: known once it said so (<see cref="WaitListeningAsync"/>).</summary>
    public string BaseUrl => _listening.Task.IsCompletedSuccessfully
        ? _listening.Task.Result
        : throw new InvalidOperationException("The host has not reported its address yet: await WaitListeningAsync or WaitHealthyAsync first.");

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
    public string Problems => ProblemsSince(0);

    /// <summary>The warnings and errors logged after <paramref name="mark"/> (a previous length of <see cref="Output"/>).</summary>
    public string ProblemsSince(int mark)
    {
        var output = Output;
        var problems = new StringBuilder();
        var keep = false;
        foreach (var line in output[Math.Min(mark, output.Length)..].Split('\n'))
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

    /// <summary>
    /// Starts <paramref name="assemblyName"/> (e.g. <c>TodoClean.WebApi</c>) with exactly the given environment additions,
    /// on a port the system picks (<c>http://127.0.0.1:0</c>): <see cref="BaseUrl"/> is known once the host reports it
    /// (<see cref="WaitListeningAsync"/>, <see cref="WaitHealthyAsync"/>).
    /// </summary>
    public static HostProcess Start(string assemblyName, IDictionary<string, string?> environment, string? workingDirectory = null) =>
        Launch(assemblyName, environment, "http://127.0.0.1:0", workingDirectory);

    /// <summary>
    /// Starts <paramref name="assemblyName"/> on a chosen port it is told about up front, for settings that name the host's
    /// own URL (e.g. <c>Auth__BaseUrl</c>): <paramref name="environment"/> gets the port. Started again on another port
    /// when the chosen one was taken (<see cref="ChosenPorts"/>); returns once the host listens.
    /// </summary>
    public static Task<HostProcess> StartWithOwnUrlAsync(
        string assemblyName, Func<int, IDictionary<string, string?>> environment, string? workingDirectory = null) =>
        ChosenPorts.StartAsync(port => StartOnPortAsync(assemblyName, environment(port), port, workingDirectory));

    /// <summary>
    /// Starts <paramref name="assemblyName"/> on <paramref name="port"/> and returns once it listens. Throws
    /// <see cref="PortInUseException"/> when the port is taken, so only call it inside <see cref="ChosenPorts"/>.
    /// </summary>
    public static async Task<HostProcess> StartOnPortAsync(
        string assemblyName, IDictionary<string, string?> environment, int port, string? workingDirectory = null)
    {
        var host = Launch(assemblyName, environment, $"http://127.0.0.1:{port}", workingDirectory);
        try
        {
            await host.WaitListeningAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static HostProcess Launch(string assemblyName, IDictionary<string, string?> environment, string url, string? workingDirectory)
    {
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

        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        // The line that says where Kestrel listens ("Now listening on: ..."), whatever level the test sets for the rest.
        info.Environment[$"Serilog__MinimumLevel__Override__{LifetimeLogger}"] = "Information";

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Waits until the host says where it listens and returns that address (<see cref="BaseUrl"/>). Fails with the host's
    /// output when it exits first — with <see cref="PortInUseException"/> when it could not bind its port — or takes too long.
    /// </summary>
    public async Task<string> WaitListeningAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        try
        {
            // Exit is awaited with the output read to its end, so a failure's message is complete.
            await Task.WhenAny(_listening.Task, _process.WaitForExitAsync()).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Host did not report a listening address within {limit.TotalSeconds:0} s:\n{Output}");
        }

        if (_listening.Task.IsCompletedSuccessfully)
        {
            return _listening.Task.Result;
        }

        var output = Output;
        if (BindFailure().Match(output) is { Success: true } failure)
        {
            throw new PortInUseException($"{failure.Value}\n{output}");
        }

        throw new InvalidOperationException($"Host exited with {_process.ExitCode} before it listened:\n{output}");
    }

    /// <summary>Waits until the host listens and <c>/health</c> answers 200; fails with the host's output if it exits or takes too long.</summary>
    public async Task WaitHealthyAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        await WaitListeningAsync(deadline - DateTime.UtcNow);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
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

        if (!_listening.Task.IsCompleted && ListeningOn().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(listening.Groups["url"].Value);
        }
    }

    /// <summary>Kestrel's start-up line, e.g. <c>Now listening on: "http://127.0.0.1:41234"</c> (quoted or not, per output template).</summary>
    [GeneratedRegex("""Now listening on: "?(?<url>https?://[^\s"]+)""")]
    private static partial Regex ListeningOn();

    /// <summary>Kestrel's error when the port is taken: "Failed to bind to address http://…: address already in use."</summary>
    [GeneratedRegex(@"Failed to bind to address \S+: address already in use")]
    private static partial Regex BindFailure();
}
