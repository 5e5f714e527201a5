using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace TodoClean.TestCommon;

/// <summary>
/// A real, throwaway PostgreSQL server for one test process: started on first use (initdb into a fresh temporary
/// directory, listening on 127.0.0.1 only, ~1 s), stopped and deleted when the process exits. The script that runs it
/// (<c>throwaway-postgres.sh</c>) waits on our standard input, so the server also goes away when the test process is
/// killed. Each test host gets a database of its own through <see cref="CreateDatabase"/>.
/// </summary>
public sealed partial class PostgresServer
{
    /// <summary>Overrides where <c>initdb</c> and <c>pg_ctl</c> are looked for.</summary>
    public const string BinDirectoryVariable = "POSTGRES_BIN";

    private const string Superuser = "postgres";
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _watchdog;
    private readonly string _password;

    private PostgresServer(Process watchdog, int port, string password)
    {
        _watchdog = watchdog;
        _password = password;
        Port = port;
    }

    /// <summary>The server of this test process. Fails every caller with the same clear message when it cannot start.</summary>
    public static PostgresServer Shared => Instance.Value;

    public int Port { get; }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, over TCP on loopback.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = _password,
        // Many short-lived hosts share the server: keep each pool small and let idle connections go quickly.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
    }.ConnectionString;

    /// <summary>Creates an empty database named <c>{prefix}_{random}</c> and returns its connection string.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>
    /// Where <c>initdb</c> and <c>pg_ctl</c> live: <c>$POSTGRES_BIN</c>, else the newest
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (Debian's layout), else <c>PATH</c>. Null when none has both.
    /// </summary>
    public static string? FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static PostgresServer Start()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in $POSTGRES_BIN, /usr/lib/postgresql/<version>/bin " +
            "or on PATH. The PostgreSQL variants of the integration tests need a real local server: install it with " +
            "`sudo apt-get install postgresql` (.ci/run does), or set POSTGRES_BIN to the folder that holds initdb.");
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "throwaway-postgres.sh"));

        // PostgreSQL cannot report a port the system picked: it is told one, and started again on another if that was taken.
        var server = ChosenPorts.Start(port => StartOn(bin, script, port));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private static PostgresServer StartOn(string bin, string script, int port)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"todoclean-pg-{Guid.NewGuid():N}");
        var password = TestSecrets.NewSecret();

        // initdb refuses to run as root: then the server runs as the `postgres` OS user the Debian package creates.
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "runuser" : "sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", Superuser, "--", "sh" })
            {
                info.ArgumentList.Add(argument);
            }
        }

        // The script's text goes on the command line, so the OS user running it needs no access to this checkout.
        foreach (var argument in new[] { "-c", script, "throwaway-postgres", bin, directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var errors = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.StandardInput.WriteLine(password);
        process.StandardInput.Flush();

        var ready = process.StandardOutput.ReadLineAsync();
        if (ready.Wait(TimeSpan.FromSeconds(90)) && ready.Result == "ready")
        {
            return new PostgresServer(process, port, password);
        }

        process.StandardInput.Close();
        if (process.WaitForExit(10_000))
        {
            // Without a timeout it also waits until the error output has been read to its end.
            process.WaitForExit();
        }

        string output;
        lock (errors)
        {
            output = errors.ToString().Trim();
        }

        process.Dispose();
        if (BindFailure().IsMatch(output))
        {
            throw new PortInUseException($"127.0.0.1:{port} is taken:\n{output}");
        }

        throw new InvalidOperationException($"The throwaway PostgreSQL server ({bin}, OS user {(asRoot ? Superuser : Environment.UserName)}, " +
            $"127.0.0.1:{port}) did not start:\n{output}");
    }

    /// <summary>Closing the script's standard input stops the server and deletes its directory.</summary>
    private void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        _watchdog.StandardInput.Close();
        _watchdog.WaitForExit(15_000);
    }

    /// <summary>The server's log line when its port is taken (the script prints the log when the server does not start).</summary>
    [GeneratedRegex(@"could not bind IPv[46] address .*: Address already in use")]
    private static partial Regex BindFailure();
}
