using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TodoClean.TestCommon;

/// <summary>
/// nginx (the Debian package) as the load balancer in front of several instances: <c>deploy/nginx.conf.template</c>
/// filled in, in a temporary directory, run in the foreground on two loopback ports. Killed and deleted on dispose.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
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

    /// <summary>Starts nginx with one upstream group per host and waits until it listens.</summary>
    public static async Task<NginxProcess> StartAsync(IEnumerable<string> gatewayUrls, IEnumerable<string> apiUrls)
    {
        var nginx = new[] { "/usr/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "nginx")))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                "nginx was not found in /usr/sbin or on PATH. The scale-out test runs it as the load balancer: install it with " +
                "`sudo apt-get install nginx` (.ci/run does).");

        var directory = new TemporaryDirectory("todoclean-nginx");
        var gatewayPort = HostProcess.FreePort();
        var apiPort = HostProcess.FreePort();
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx.conf.template"))
            .Replace("{{PREFIX}}", directory.Path, StringComparison.Ordinal)
            .Replace("{{GATEWAY_SERVERS}}", Servers(gatewayUrls), StringComparison.Ordinal)
            .Replace("{{API_SERVERS}}", Servers(apiUrls), StringComparison.Ordinal)
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
        await started.WaitListeningAsync(gatewayPort, apiPort);
        return started;
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

    private async Task WaitListeningAsync(params int[] ports)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        foreach (var port in ports)
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{Output()}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
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
}
