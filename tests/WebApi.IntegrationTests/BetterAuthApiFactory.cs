using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>
/// Real Better Auth servers — the jwt plugin by default (EdDSA), with ES256 and with RS256 — each with a todo API that
/// knows no shared secret, only that server's JWKS, issuer and audience (Better Auth's defaults: its base URL).
/// </summary>
public abstract class BetterAuthApiFactory(StoreProvider provider) : IAsyncLifetime
{
    public static readonly string[] Algorithms = ["EdDSA", "ES256", "RS256"];

    private readonly Dictionary<string, (BetterAuthServer Server, TestHostFactory<IWebApiMarker> Api)> _stacks = new();

    public BetterAuthServer Server(string algorithm) => _stacks[algorithm].Server;

    public TestHostFactory<IWebApiMarker> Api(string algorithm) => _stacks[algorithm].Api;

    public async Task InitializeAsync()
    {
        var servers = await Task.WhenAll(Algorithms.Select(a => BetterAuthServer.StartAsync(a == "EdDSA" ? null : a)));
        for (var i = 0; i < Algorithms.Length; i++)
        {
            var server = servers[i];
            _stacks[Algorithms[i]] = (server, new TestHostFactory<IWebApiMarker>(provider, "todos", store =>
            {
                var settings = HostSettings.Api(store);
                settings["Jwt:Secret"] = null;
                settings["Jwt:JwksUrl"] = server.JwksUrl;
                settings["Jwt:Issuer"] = server.BaseUrl;
                settings["Jwt:Audience"] = server.BaseUrl;
                return settings;
            }));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (server, api) in _stacks.Values)
        {
            await api.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}

public sealed class SqliteBetterAuthApiFactory() : BetterAuthApiFactory(StoreProvider.Sqlite);

public sealed class PostgresBetterAuthApiFactory() : BetterAuthApiFactory(StoreProvider.Postgres);
