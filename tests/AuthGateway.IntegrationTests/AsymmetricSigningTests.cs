using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.TestCommon;
using TodoClean.WebApi;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// The gateway signing with its own asymmetric key (<c>Jwt:Algorithm</c> ES256 or EdDSA): the key is created on first
/// start, only its public half is published at <c>/api/auth/jwks</c> in Better Auth's shape, and an API that knows no
/// shared secret — only that JWKS — accepts the gateway's tokens.
/// </summary>
public abstract class AsymmetricSigningTests : IDisposable
{
    private readonly StoreProvider _provider;
    private readonly List<IDisposable> _hosts = [];

    protected AsymmetricSigningTests(StoreProvider provider) => _provider = provider;

    public sealed class OnSqlite() : AsymmetricSigningTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : AsymmetricSigningTests(StoreProvider.Postgres);

    public static TheoryData<string> Algorithms() => new("ES256", "EdDSA");

    private GatewayFactory Gateway(string algorithm)
    {
        var gateway = new GatewayFactory(_provider);
        gateway.With("Jwt:Algorithm", algorithm);
        _hosts.Add(gateway);
        return gateway;
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Jwks_WhenGatewaySignsAsymmetrically_ShouldPublishOnlyThePublicKeyInBetterAuthsShape(string algorithm)
    {
        var gateway = Gateway(algorithm).CreateBareClient();
        var user = await AuthFlows.SignUpAsync(gateway);
        var jwt = await AuthFlows.GetJwtAsync(gateway, user.SessionToken);

        var jwks = await gateway.GetFromJsonAsync<JsonElement>("/api/auth/jwks");

        var key = jwks.GetProperty("keys").EnumerateArray().Should().ContainSingle().Subject;
        var members = key.EnumerateObject().Select(p => p.Name).ToList();
        members.Should().BeEquivalentTo(algorithm == "EdDSA" ? ["kty", "crv", "x", "kid", "alg"] : ["kty", "crv", "x", "y", "kid", "alg"]);
        key.GetProperty("kty").GetString().Should().Be(algorithm == "EdDSA" ? "OKP" : "EC");
        key.GetProperty("crv").GetString().Should().Be(algorithm == "EdDSA" ? "Ed25519" : "P-256");
        key.GetProperty("alg").GetString().Should().Be(algorithm);
        var header = JwtForge.Decode(jwt).Header;
        header.GetProperty("alg").GetString().Should().Be(algorithm);
        header.GetProperty("kid").GetString().Should().Be(key.GetProperty("kid").GetString());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Api_WhenPointedAtTheGatewaysJwks_ShouldAcceptItsTokensAndRefuseTamperedOnes(string algorithm)
    {
        var gatewayFactory = Gateway(algorithm);
        var gateway = gatewayFactory.CreateBareClient();
        var api = new ApiOnGatewayJwks(_provider, () => gatewayFactory.Server.CreateHandler());
        _hosts.Add(api);
        var user = await AuthFlows.SignUpAsync(gateway, name: "Asymmetric");
        var jwt = await AuthFlows.GetJwtAsync(gateway, user.SessionToken);
        var parts = jwt.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        var me = await api.CreateClient().WithBearer(jwt).GetFromJsonAsync<JsonElement>("/api/me");
        var created = await api.CreateClient().WithBearer(jwt).PostAsJsonAsync("/api/todos", new { title = "signed " + algorithm });
        var refused = await api.CreateClient().WithBearer(tampered).GetAsync("/api/todos");
        var hs256 = await api.CreateClient().WithBearer(JwtForge.Valid(user.Id)).GetAsync("/api/todos");

        me.GetProperty("id").GetString().Should().Be(user.Id);
        me.GetProperty("name").GetString().Should().Be("Asymmetric");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        hs256.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "this API has no shared secret: an HS256 token cannot verify");
    }

    [Fact]
    public async Task Jwks_WhenTheKeyIsReplaced_ShouldKeepPublishingTheOldKeySoItsTokensStillVerify()
    {
        using var directory = new TemporaryDirectory("todoclean-rotation");
        using var store = TestStore.Create(_provider, directory, "auth");
        var first = SharedStoreGateway(store, "ES256");
        var firstClient = first.CreateBareClient();
        var oldJwt = await AuthFlows.GetJwtAsync(firstClient, (await AuthFlows.SignUpAsync(firstClient)).SessionToken);
        // A restart with another algorithm replaces the signing key, as a rotation does: the old key is retired, not dropped.
        first.Dispose();
        var second = SharedStoreGateway(store, "EdDSA");
        var secondClient = second.CreateBareClient();
        var newJwt = await AuthFlows.GetJwtAsync(secondClient, (await AuthFlows.SignUpAsync(secondClient)).SessionToken);
        var api = new ApiOnGatewayJwks(_provider, () => second.Server.CreateHandler());
        _hosts.Add(api);

        var jwks = await secondClient.GetFromJsonAsync<JsonElement>("/api/auth/jwks");
        var oldAccepted = await api.CreateClient().WithBearer(oldJwt).GetAsync("/api/me");
        var newAccepted = await api.CreateClient().WithBearer(newJwt).GetAsync("/api/me");

        jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("alg").GetString()).Should().BeEquivalentTo(["ES256", "EdDSA"]);
        JwtForge.Decode(newJwt).Header.GetProperty("alg").GetString().Should().Be("EdDSA");
        oldAccepted.StatusCode.Should().Be(HttpStatusCode.OK);
        newAccepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Jwks_WhenTheRotationIntervalHasPassed_ShouldSignWithANewKeyAndDropTheOldOneAfterItsGracePeriod()
    {
        using var directory = new TemporaryDirectory("todoclean-rotation-clock");
        using var store = TestStore.Create(_provider, directory, "auth");
        var start = DateTimeOffset.UtcNow;

        // Jwt:KeyRotationInterval and Jwt:KeyGracePeriod are both 30 days by default.
        var first = await PublishedKeyIdsAtAsync(store, start);
        var second = await PublishedKeyIdsAtAsync(store, start.AddDays(31));
        var third = await PublishedKeyIdsAtAsync(store, start.AddDays(62));

        first.Should().ContainSingle();
        second.Should().HaveCount(2).And.Contain(first, "the replaced key stays published during its grace period");
        var rotatedIn = second.Except(first).Single();
        third.Should().HaveCount(2).And.Contain(rotatedIn).And.NotContain(first, "its grace period ended");
    }

    /// <summary>The key ids a gateway on <paramref name="store"/> publishes when its clock says <paramref name="now"/>.</summary>
    private async Task<string[]> PublishedKeyIdsAtAsync(TestStore store, DateTimeOffset now)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        using var host = SharedStoreGateway(store, "EdDSA")
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var jwks = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/auth/jwks");
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToArray();
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task SigningKey_ShouldBeStoredOnlyAsDataProtectionCiphertext(string algorithm)
    {
        using var directory = new TemporaryDirectory("todoclean-keystore");
        using var store = TestStore.Create(_provider, directory, "auth");
        var gateway = SharedStoreGateway(store, algorithm).CreateBareClient();
        await AuthFlows.GetJwtAsync(gateway, (await AuthFlows.SignUpAsync(gateway)).SessionToken);

        var (publicJwk, protectedKey) = await ReadStoredKeyAsync(store);

        // ASP.NET Core Data Protection payloads start with the magic header 09 F0 C9 F0.
        Convert.FromBase64String(protectedKey)[..4].Should().Equal(0x09, 0xF0, 0xC9, 0xF0);
        JsonDocument.Parse(publicJwk).RootElement.TryGetProperty("d", out _).Should().BeFalse();
    }

    private SharedStoreGatewayFactory SharedStoreGateway(TestStore store, string algorithm)
    {
        var settings = HostSettings.Gateway(store);
        settings["Jwt:Algorithm"] = algorithm;
        var gateway = new SharedStoreGatewayFactory(settings);
        _hosts.Add(gateway);
        return gateway;
    }

    private static async Task<(string PublicJwk, string ProtectedKey)> ReadStoredKeyAsync(TestStore store)
    {
        System.Data.Common.DbConnection connection = store.Provider == StoreProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString)
            : new Npgsql.NpgsqlConnection(store.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "PublicJwk", "ProtectedPrivateKey" FROM jwt_signing_keys""";
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).Should().BeTrue();
            var result = (reader.GetString(0), reader.GetString(1));
            (await reader.ReadAsync()).Should().BeFalse("one key was created");
            return result;
        }
    }

    [Fact]
    public async Task Jwks_WhenGatewaySignsWithTheSharedSecret_ShouldStayEmpty()
    {
        var gateway = Gateway("HS256").CreateBareClient();

        var jwks = await gateway.GetFromJsonAsync<JsonElement>("/api/auth/jwks");

        jwks.GetProperty("keys").GetArrayLength().Should().Be(0);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A gateway on a store another gateway may share.</summary>
    private sealed class SharedStoreGatewayFactory(Dictionary<string, string?> settings) : TestHostFactory<IAuthGatewayMarker>(_ => settings)
    {
        public HttpClient CreateBareClient() => CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
    }

    /// <summary>The API with no shared secret, fetching the in-memory gateway's JWKS through the test server's handler.</summary>
    private sealed class ApiOnGatewayJwks(StoreProvider provider, Func<HttpMessageHandler> gatewayHandler)
        : TestHostFactory<IWebApiMarker>(provider, "todos", store =>
        {
            var settings = HostSettings.Api(store);
            settings["Jwt:Secret"] = null;
            settings["Jwt:JwksUrl"] = "http://localhost/api/auth/jwks";
            return settings;
        })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddHttpClient("jwks").ConfigurePrimaryHttpMessageHandler(gatewayHandler));
        }
    }
}
