namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>
/// The shared pair: one gateway and one API, fresh SQLite stores, the same secret, production environment. Rate
/// limiting is off on this gateway because every test comes from 127.0.0.1; the rate-limit tests start their own.
/// </summary>
public sealed class SecurityHostsFixture : IAsyncLifetime
{
    private RunningHost? _gateway;
    private RunningHost? _api;

    public RunningHost GatewayHost => _gateway ?? throw new InvalidOperationException("Not started.");

    public RunningHost ApiHost => _api ?? throw new InvalidOperationException("Not started.");

    public HttpClient Gateway => GatewayHost.Client;

    public HttpClient Api => ApiHost.Client;

    public async Task InitializeAsync() => (_gateway, _api) = await RunningHost.StartPairAsync();

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityHostsCollection : ICollectionFixture<SecurityHostsFixture>
{
    public const string Name = "Security hosts";
}
