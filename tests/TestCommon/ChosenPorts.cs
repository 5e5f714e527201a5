using System.Net;
using System.Net.Sockets;

namespace TodoClean.TestCommon;

/// <summary>
/// Ports for servers that must be told their port before they start: because their own URL goes into their settings (the
/// gateway's <c>Auth__BaseUrl</c>), or because they cannot report a port the system picked for them (nginx, PostgreSQL).
/// Everything else binds port 0 and reports the address it got (<see cref="HostProcess.Start"/>).
/// </summary>
/// <remarks>
/// A port that is free when it is chosen can be taken by another process (another test assembly runs at the same time)
/// before the server binds it. So a start on chosen ports is a unit that is repeated on new ports when it fails with
/// <see cref="PortInUseException"/> — the server's own "address in use" error — and only then, at most
/// <see cref="Attempts"/> times.
/// </remarks>
public static class ChosenPorts
{
    public const int Attempts = 5;

    /// <summary>Runs <paramref name="start"/> on one chosen loopback port, again on a new one when the port was taken.</summary>
    public static Task<T> StartAsync<T>(Func<int, Task<T>> start) => StartAsync(1, ports => start(ports[0]));

    /// <summary>Runs <paramref name="start"/> on <paramref name="count"/> distinct chosen loopback ports, again on new ones when one was taken.</summary>
    public static async Task<T> StartAsync<T>(int count, Func<IReadOnlyList<int>, Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(Choose(count));
            }
            catch (PortInUseException) when (attempt < Attempts)
            {
                // Someone took the port between the choice and the bind: choose again.
            }
        }
    }

    /// <summary>The synchronous form of <see cref="StartAsync{T}(Func{int, Task{T}})"/>.</summary>
    public static T Start<T>(Func<int, T> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return start(Choose(1)[0]);
            }
            catch (PortInUseException) when (attempt < Attempts)
            {
                // Someone took the port between the choice and the bind: choose again.
            }
        }
    }

    /// <summary>Ports the system hands out for port 0 right now; all bound at once, so they are distinct.</summary>
    private static int[] Choose(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
