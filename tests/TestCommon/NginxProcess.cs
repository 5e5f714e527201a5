using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TodoClean.TestCommon;

/// <summary>
/// nginx (the Debian package) as the load balancer in front of several instances: <c>deploy/nginx.conf.template</c>
/// filled in, in a temporary directory, run in the foreground on two loopback ports. Killed and deleted on dispose.
/// </summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TemporaryDirectory _directory;
    private readonly StringBuilder _output = new();

    private NginxProcess(Process process, TemporaryDirectory directory, int gatewayPort, int apiPort)
    {
        _process = process;
        _directory = directory;
        GatewayUrl = $"http://127.0.0.1:{gatewayPort}";
        ApiUrl = $"http://127.0.0.1:{apiPort}";
    }

    /// <summary>Where nginx spreads requests over the gateway instances.</summary>
    public string GatewayUrl { get; }

    /// <summary>Where nginx spreads requests over the API instances.</summary>
    public string ApiUrl { get; }

    /// <summary>
    /// Starts nginx with one upstream group per host and waits until it listens. nginx cannot listen on port 0, so its two
    /// ports are chosen up front, and it is started again on others if one was taken (<see cref="ChosenPorts"/>).
    /// </summary>
    public static Task<NginxProcess> StartAsync(IEnumerable<string> gatewayUrls, IEnumerable<string> apiUrls)
    {
        var nginx = new[] { "/usr/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "nginx")))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                "nginx was not found in /usr/sbin or on PATH. The scale-out test runs it as the load balancer: install it with " +
                "`sudo apt-get install nginx` (.ci/run does).");
        var gatewayServers = Servers(gatewayUrls);
        var apiServers = Servers(apiUrls);
        return ChosenPorts.StartAsync(2, ports => StartOnAsync(nginx, gatewayServers, apiServers, ports[0], ports[1]));
    }

    private static async Task<NginxProcess> StartOnAsync(string nginx, string gatewayServers, string apiServers, int gatewayPort, int apiPort)
    {
        var directory = new TemporaryDirectory("todoclean-nginx");
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx.conf.template"))
            .Replace("{{PREFIX}}", directory.Path, StringComparison.Ordinal)
            .Replace("{{GATEWAY_SERVERS}}", gatewayServers, StringComparison.Ordinal)
            .Replace("{{API_SERVERS}}", apiServers, StringComparison.Ordinal)
            .Replace("{{GATEWAY_LISTEN}}", $"127.0.0.1:{gatewayPort}", StringComparison.Ordinal)
            .Replace("{{API_LISTEN}}", $"127.0.0.1:{apiPort}", StringComparison.Ordinal);
        File.WriteAllText(directory.File("nginx.conf"), config);

        var info = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", directory.Path, "-c", directory.File("nginx.conf"), "-e", "stderr" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var started = new NginxProcess(process, directory, gatewayPort, apiPort);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.WaitListeningAsync();
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private static string Servers(IEnumerable<string> urls) => string.Join('\n', urls.Select(url =>
        string.Create(CultureInfo.InvariantCulture, $"        server {new Uri(url).Authority};")));

    /// <summary>
    /// nginx writes its pid file once it holds its listening sockets, so the file (not a connection, which could reach
    /// whoever else holds the port) says it listens. A bind failure ends nginx with "Address already in use".
    /// </summary>
    private async Task WaitListeningAsync()
    {
        var pidFile = _directory.File("nginx.pid");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!File.Exists(pidFile))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                var output = Output();
                throw BindFailure().IsMatch(output)
                    ? new PortInUseException($"{GatewayUrl} or {ApiUrl} is taken:\n{output}")
                    : new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"nginx did not start listening within 15 s:\n{Output()}");
            }

            await Task.Delay(50);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>nginx's error when a listening port is taken: "bind() to 127.0.0.1:… failed (98: Address already in use)".</summary>
    [GeneratedRegex(@"bind\(\) to \S+ failed \(\d+: Address already in use\)")]
    private static partial Regex BindFailure();
}
