using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>
/// Tokens signed with an issuer's asymmetric keys and checked against its JWKS: every algorithm Better Auth signs with is
/// accepted for the todo routes, and every way to abuse the key set is refused with a 401.
/// </summary>
public abstract class JwksAuthenticationTests(JwksApiFactory factory)
{
    public sealed class OnSqlite(SqliteJwksApiFactory factory) : JwksAuthenticationTests(factory), IClassFixture<SqliteJwksApiFactory>;

    public sealed class OnPostgres(PostgresJwksApiFactory factory) : JwksAuthenticationTests(factory), IClassFixture<PostgresJwksApiFactory>;

    public static TheoryData<string> Algorithms() => new(JwksApiFactory.Algorithms);

    private static string NewUser() => $"ba{Guid.NewGuid():N}";

    private HttpClient Client(string token) => factory.Host.CreateClient().WithBearer(token);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Todos_WhenTokenIsSignedByAKeyInTheJwks_ShouldServeTheCaller(string algorithm)
    {
        var userId = NewUser();
        var client = Client(factory.Token(algorithm, userId));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var created = await client.CreateTodoAsync(new { title = $"signed with {algorithm}" });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/todos");

        me.GetProperty("id").GetString().Should().Be(userId);
        me.GetProperty("email").GetString().Should().Be($"{userId}@example.com");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Should().ContainSingle().Which.Should().Be(created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Me_WhenTokenHasBetterAuthsIdButNoSub_ShouldUseTheId()
    {
        var userId = NewUser();
        var token = factory.Keys["EdDSA"].Sign(userId, JwksApiFactory.Issuer, JwksApiFactory.Audience,
            claims: new Dictionary<string, object?> { ["sub"] = null });

        var me = await Client(token).GetFromJsonAsync<JsonElement>("/api/me");

        me.GetProperty("id").GetString().Should().Be(userId);
    }

    [Fact]
    public async Task Todos_WhenSharedSecretIsAlsoConfigured_ShouldStillAcceptTheGatewaysHs256Tokens()
    {
        // JwtForge signs for the gateway's default issuer and audience; this API expects the configured ones.
        var token = JwtForge.Create(new Dictionary<string, object> { ["sub"] = NewUser() });
        var forOurIssuer = JwtForge.Create(new Dictionary<string, object>
        {
            ["sub"] = NewUser(), ["iss"] = JwksApiFactory.Issuer, ["aud"] = JwksApiFactory.Audience,
        });

        var response = await Client(forOurIssuer).GetAsync("/api/todos");
        var wrongIssuer = await Client(token).GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongIssuer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, Func<JwksApiFactory, string>> AbusedTokens() => new()
    {
        {
            "alg none with a published kid",
            f => Unsigned(f.Keys["EdDSA"].KeyId)
        },
        {
            // Algorithm confusion: the public key's bytes used as an HMAC secret.
            "HS256 keyed with the Ed25519 public key's bytes",
            f => HmacWith(Base64UrlEncoder.DecodeBytes(f.Keys["EdDSA"].PublicJwk["x"]), f.Keys["EdDSA"].KeyId)
        },
        {
            "HS256 keyed with the RSA public JWK's text",
            f => HmacWith(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(f.Keys["RS256"].PublicJwk)), f.Keys["RS256"].KeyId)
        },
        {
            "kid names the ES256 key, signed by the EdDSA key",
            f => f.Keys["EdDSA"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["kid"] = f.Keys["ES256"].KeyId })
        },
        {
            "kid names the RS256 key, signed as PS256 by the same RSA key's owner",
            f => f.Keys["PS256"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["kid"] = f.Keys["RS256"].KeyId })
        },
        {
            "kid names the EdDSA key, alg says ES256",
            f => f.Keys["ES256"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["kid"] = f.Keys["EdDSA"].KeyId })
        },
        {
            "no kid",
            f => f.Keys["EdDSA"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["kid"] = null })
        },
        {
            "signed by a key that is not published, under its own kid",
            _ => TestSigningKey.Create("EdDSA").Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience)
        },
        {
            "signed by a key that is not published, under a published kid",
            f => TestSigningKey.Create("EdDSA", f.Keys["EdDSA"].KeyId).Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience)
        },
        {
            "jku header pointing at the attacker's key set",
            f => f.Keys["EdDSA"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["jku"] = "https://evil.example/jwks" })
        },
        {
            "x5u header",
            f => f.Keys["ES256"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                header: new Dictionary<string, object?> { ["x5u"] = "https://evil.example/cert.pem" })
        },
        {
            "jwk header embedding the attacker's own key",
            _ =>
            {
                var attacker = TestSigningKey.Create("EdDSA");
                return attacker.Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                    header: new Dictionary<string, object?> { ["jwk"] = attacker.PublicJwk });
            }
        },
        {
            "expired",
            f => f.Keys["EdDSA"].Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience,
                issuedAt: DateTimeOffset.UtcNow.AddHours(-1))
        },
        {
            "wrong issuer",
            f => f.Keys["ES256"].Sign(NewUser(), "https://evil.example", JwksApiFactory.Audience)
        },
        {
            "wrong audience",
            f => f.Keys["RS256"].Sign(NewUser(), JwksApiFactory.Issuer, "https://someone-else.example")
        },
        {
            "tampered payload",
            f => Tamper(f.Token("EdDSA", NewUser()))
        },
        {
            "tampered ES512 payload",
            f => Tamper(f.Token("ES512", NewUser()))
        },
    };

    [Theory]
    [MemberData(nameof(AbusedTokens))]
    public async Task Todos_WhenTokenAbusesTheKeySet_ShouldReturn401(string why, Func<JwksApiFactory, string> token)
    {
        var response = await Client(token(factory)).GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, why);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer", why);
    }

    [Fact]
    public async Task Todos_WhenIssuerPublishesANewKey_ShouldAcceptItsTokensAfterOneRefetch()
    {
        var rotated = TestSigningKey.Create("EdDSA");
        await Client(factory.Token("EdDSA", NewUser())).GetAsync("/api/todos");
        factory.Jwks.Publish([.. factory.Keys.Values, rotated]);
        await Task.Delay(factory.RefetchInterval + TimeSpan.FromMilliseconds(200));
        var client = Client(rotated.Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience));

        var response = await RetryUntilOkAsync(client);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Todos_WhenManyTokensNameUnknownKeys_ShouldRefetchTheJwksAtMostOncePerInterval()
    {
        await Client(factory.Token("EdDSA", NewUser())).GetAsync("/api/todos");
        var before = factory.Jwks.Fetches;
        var clock = Stopwatch.StartNew();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            var forged = TestSigningKey.Create("EdDSA").Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience);
            statuses.Add((await Client(forged).GetAsync("/api/todos")).StatusCode);
        }

        var allowed = (int)(clock.Elapsed / factory.RefetchInterval) + 2;
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        (factory.Jwks.Fetches - before).Should().BeLessThanOrEqualTo(allowed,
            $"200 forged key ids in {clock.Elapsed.TotalSeconds:F1} s may cause one fetch per {factory.RefetchInterval.TotalSeconds} s");
    }

    [Fact]
    public async Task Todos_WhenTheJwksEndpointFailsAfterKeysWereCached_ShouldKeepServingValidTokens()
    {
        var client = Client(factory.Token("ES256", NewUser()));
        (await client.GetAsync("/api/todos")).StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Jwks.Failing = true;
        try
        {
            // An unknown kid makes the API try a refetch, which fails.
            await Client(TestSigningKey.Create("EdDSA").Sign(NewUser(), JwksApiFactory.Issuer, JwksApiFactory.Audience))
                .GetAsync("/api/todos");
            await Task.Delay(factory.RefetchInterval + TimeSpan.FromMilliseconds(200));

            var response = await client.GetAsync("/api/todos");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            factory.Jwks.Failing = false;
        }
    }

    private static async Task<HttpResponseMessage> RetryUntilOkAsync(HttpClient client)
    {
        // The refetch a new kid triggers may complete in the background: a client retrying once gets in.
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            response = await client.GetAsync("/api/todos");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(300);
        }

        return response;
    }

    private static string Unsigned(string kid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", kid }));
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new
        {
            sub = NewUser(), iss = JwksApiFactory.Issuer, aud = JwksApiFactory.Audience, iat = now, exp = now + 900,
        }));
        return $"{header}.{payload}.";
    }

    private static string HmacWith(byte[] key, string kid)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var input = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "HS256", kid })) + "." +
                    Base64UrlEncoder.Encode(JsonSerializer.Serialize(new
                    {
                        sub = NewUser(), iss = JwksApiFactory.Issuer, aud = JwksApiFactory.Audience, iat = now, exp = now + 900,
                    }));
        return $"{input}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)))}";
    }

    /// <summary>The same signature over a payload whose subject was changed to another user.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var changed = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        changed["sub"] = "someone-else";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(changed))}.{parts[2]}";
    }
}
