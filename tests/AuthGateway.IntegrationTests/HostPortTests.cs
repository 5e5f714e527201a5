using System.Net;
using System.Net.Sockets;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// How the suites give the hosts they start a port without racing other test processes (TestCommon's
/// <see cref="HostProcess"/> and <see cref="ChosenPorts"/>): port 0 and the address the host reports, or a chosen port
/// that is tried again only when the host says it is taken.
/// </summary>
public sealed class HostPortTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("todoclean-ports");

    [Fact]
    public async Task Start_WhenTheHostBindsPortZero_ShouldReportTheAddressItGot()
    {
        await using var api = HostProcess.Start("TodoClean.WebApi", new Dictionary<string, string?>
        {
            ["BACKEND_JWT_SECRET"] = TestSecrets.JwtSecret,
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File("todos.db")}",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        });

        var url = await api.WaitListeningAsync();
        await api.WaitHealthyAsync();

        url.Should().MatchRegex(@"^http://127\.0\.0\.1:\d+$").And.NotEndWith(":0");
        api.BaseUrl.Should().Be(url);
    }

    [Fact]
    public async Task StartOnPort_WhenAnotherProcessHoldsThePort_ShouldFailWithPortInUse()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;

        var start = () => HostProcess.StartOnPortAsync("TodoClean.AuthGateway", new Dictionary<string, string?>
        {
            ["FRONTEND_JWT_SECRET"] = TestSecrets.JwtSecret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File("auth.db")}",
            ["Auth__BaseUrl"] = $"http://127.0.0.1:{taken}",
        }, taken);

        (await start.Should().ThrowAsync<PortInUseException>()).Which.Message.Should().Contain($"127.0.0.1:{taken}");
    }

    [Fact]
    public async Task StartAsync_WhenTheChosenPortWasTaken_ShouldStartAgainOnANewChoice()
    {
        var tried = new List<int>();

        var started = await ChosenPorts.StartAsync(port =>
        {
            tried.Add(port);
            return tried.Count == 1 ? throw new PortInUseException("taken") : Task.FromResult(port);
        });

        tried.Should().HaveCount(2).And.OnlyContain(p => p > 0);
        started.Should().Be(tried[1]);
    }

    [Fact]
    public async Task StartAsync_WhenEveryChoiceIsTaken_ShouldGiveUpAfterItsAttempts()
    {
        var attempts = 0;

        var start = () => ChosenPorts.StartAsync<int>(_ =>
        {
            attempts++;
            throw new PortInUseException("taken");
        });

        await start.Should().ThrowAsync<PortInUseException>();
        attempts.Should().Be(ChosenPorts.Attempts);
    }

    [Fact]
    public async Task StartAsync_WhenTheStartFailsForAnotherReason_ShouldNotTryAgain()
    {
        var attempts = 0;

        var start = () => ChosenPorts.StartAsync<int>(_ =>
        {
            attempts++;
            throw new InvalidOperationException("bad setting");
        });

        await start.Should().ThrowAsync<InvalidOperationException>();
        attempts.Should().Be(1);
    }

    [Fact]
    public async Task StartAsync_ForSeveralPorts_ShouldChooseDistinctOnes()
    {
        var ports = await ChosenPorts.StartAsync(3, chosen => Task.FromResult(chosen));

        ports.Should().HaveCount(3).And.OnlyHaveUniqueItems();
    }

    public void Dispose() => _directory.Dispose();
}
