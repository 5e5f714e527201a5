using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Two gateway and two API processes on one PostgreSQL server (one database per store), configured only through
/// environment variables, as docs/scale-out.md runs them. Shared by the tests of one class.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    private readonly List<HostProcess> _gateways = [];
    private readonly List<HostProcess> _apis = [];

    public IReadOnlyList<HostProcess> Gateways => _gateways;

    public IReadOnlyList<HostProcess> Apis => _apis;

    /// <summary>What every instance logged as a warning or an error, for a failing test's message.</summary>
    public string Problems => string.Join('\n', _gateways.Select((g, i) => $"gateway {i + 1}:\n{g.Problems}")
        .Concat(_apis.Select((a, i) => $"api {i + 1}:\n{a.Problems}")));

    public async Task InitializeAsync()
    {
        var secret = TestSecrets.NewSecret();
        var authStore = PostgresServer.Shared.CreateDatabase("scaleout_auth");
        var todoStore = PostgresServer.Shared.CreateDatabase("scaleout_todos");
        Dictionary<string, string?> Gateway() => new()
        {
            ["FRONTEND_JWT_SECRET"] = secret,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Auth"] = authStore,
            ["PasswordHashing__Iterations"] = HostSettings.TestHashIterations,
            // Limits count per instance (docs/scale-out.md); this suite checks shared state, not limit values.
            ["RateLimiting__Enabled"] = "false",
        };
        // Each API instance follows the revocation feed of "its" gateway instance; both gateways serve the same store.
        Dictionary<string, string?> Api(string gatewayUrl) => new()
        {
            ["BACKEND_JWT_SECRET"] = secret,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Todos"] = todoStore,
            ["Revocation__FeedUrl"] = gatewayUrl,
        };

        // The first instance of each host applies the migrations; the second starts on the migrated store (a rolling start).
        for (var instance = 0; instance < 2; instance++)
        {
            var gateway = HostProcess.Start("TodoClean.AuthGateway", Gateway());
            _gateways.Add(gateway);
            await gateway.WaitHealthyAsync();
            var api = HostProcess.Start("TodoClean.WebApi", Api(gateway.BaseUrl));
            _apis.Add(api);
            await api.WaitHealthyAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _gateways.Concat(_apis))
        {
            await host.DisposeAsync();
        }
    }
}
