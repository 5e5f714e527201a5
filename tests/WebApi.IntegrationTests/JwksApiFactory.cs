using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>
/// The todo API checking tokens against a JWKS (<see cref="JwksServer"/>, one key of each algorithm Better Auth can sign
/// with) and, as during a migration, the shared secret too. Unknown key ids are refetched at most once a second here.
/// </summary>
public abstract class JwksApiFactory(StoreProvider provider) : IAsyncLifetime
{
    public const string Issuer = "https://issuer.example";
    public const string Audience = "https://issuer.example";

    private JwksServer? _jwks;
    private TestHostFactory<IWebApiMarker>? _host;

    public static readonly string[] Algorithms = ["EdDSA", "ES256", "ES512", "PS256", "RS256"];

    public Dictionary<string, TestSigningKey> Keys { get; } = Algorithms.ToDictionary(a => a, a => TestSigningKey.Create(a));

    public JwksServer Jwks => _jwks ?? throw new InvalidOperationException("Not started.");

    public TestHostFactory<IWebApiMarker> Host => _host ?? throw new InvalidOperationException("Not started.");

    public TimeSpan RefetchInterval { get; } = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync([.. Keys.Values]);
        _host = new TestHostFactory<IWebApiMarker>(provider, "todos", store =>
        {
            var settings = HostSettings.Api(store);
            settings["Jwt:JwksUrl"] = _jwks.Url;
            settings["Jwt:Issuer"] = Issuer;
            settings["Jwt:Audience"] = Audience;
            settings["Jwt:JwksRefetchInterval"] = RefetchInterval.ToString();
            return settings;
        });
    }

    /// <summary>A token of <paramref name="algorithm"/> for <paramref name="userId"/>, as Better Auth would sign it.</summary>
    public string Token(string algorithm, string userId) => Keys[algorithm].Sign(userId, Issuer, Audience);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }
    }
}

public sealed class SqliteJwksApiFactory() : JwksApiFactory(StoreProvider.Sqlite);

public sealed class PostgresJwksApiFactory() : JwksApiFactory(StoreProvider.Postgres);
