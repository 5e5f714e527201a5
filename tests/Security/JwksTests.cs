using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>
/// The API as a real process in Production mode, checking tokens against an issuer's JWKS only (no shared secret): its
/// start-up rules, and the attacks on a key set — algorithm confusion, alg none, key-selecting headers, forged key ids.
/// </summary>
public sealed class JwksTests : IDisposable
{
    private const string Issuer = "https://auth.example";

    private readonly TemporaryDirectory _directory = new("todoclean-security-jwks");

    private async Task<(JwksServer Jwks, RunningHost Api, TestSigningKey Key)> StartApiOnJwksAsync()
    {
        var key = TestSigningKey.Create("EdDSA");
        var jwks = await JwksServer.StartAsync(key);
        var api = await RunningHost.StartApiAsync(new Dictionary<string, string?>
        {
            ["BACKEND_JWT_SECRET"] = null,
            ["Jwt__JwksUrl"] = jwks.Url,
            ["Jwt__Issuer"] = Issuer,
            ["Jwt__Audience"] = Issuer,
        });
        return (jwks, api, key);
    }

    [Theory]
    [InlineData(null, "neither a secret nor a JWKS URL", "Jwt__JwksUrl")]
    [InlineData("http://auth.example.com/api/auth/jwks", "plain http to another host", "https")]
    [InlineData("ftp://auth.example.com/jwks", "not http(s)", "Jwt__JwksUrl")]
    [InlineData("https://user:pass@auth.example.com/jwks", "credentials in the URL", "Jwt__JwksUrl")]
    public async Task Tokens_UnusableJwksConfiguration_ApiRefusesToStartWithOneClearLine(string? jwksUrl, string why, string named)
    {
        await using var process = HostProcess.Start(RunningHost.ApiAssembly, new Dictionary<string, string?>
        {
            ["Jwt__JwksUrl"] = jwksUrl,
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File("todos.db")}",
        });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(20));

        exitCode.Should().NotBe(0, why);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle($"one clear line ({why}), got:\n{process.Output}");
        lines[0].Should().Contain(named);
        process.Output.Should().NotContain("pass@").And.NotContain("   at ");
    }

    [Fact]
    public async Task Tokens_JwksKeyAttacks_AreAllRejectedWhileTheRealKeyWorks()
    {
        var (jwks, api, key) = await StartApiOnJwksAsync();
        await using var _ = jwks;
        await using var __ = api;
        var attacker = TestSigningKey.Create("EdDSA");
        var publicKeyBytes = Base64UrlEncoder.DecodeBytes(key.PublicJwk["x"]);
        var attacks = new Dictionary<string, string>
        {
            ["alg none"] = Unsigned(key.KeyId),
            ["HS256 keyed with the public key (algorithm confusion)"] = Hmac(publicKeyBytes, key.KeyId),
            ["HS256 keyed with the published JWK text"] = Hmac(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key.PublicJwk)), key.KeyId),
            ["kid of the real key, signed by another"] = TestSigningKey.Create("EdDSA", key.KeyId).Sign("victim", Issuer, Issuer),
            ["jku to the attacker's key set"] = attacker.Sign("victim", Issuer, Issuer, header: new Dictionary<string, object?> { ["jku"] = "https://evil.example/jwks" }),
            ["x5u to the attacker's certificate"] = attacker.Sign("victim", Issuer, Issuer, header: new Dictionary<string, object?> { ["x5u"] = "https://evil.example/c.pem" }),
            ["jwk embedding the attacker's key"] = attacker.Sign("victim", Issuer, Issuer, header: new Dictionary<string, object?> { ["jwk"] = attacker.PublicJwk }),
            ["expired"] = key.Sign("victim", Issuer, Issuer, issuedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            ["wrong issuer"] = key.Sign("victim", "https://evil.example", Issuer),
            ["wrong audience"] = key.Sign("victim", Issuer, "https://other.example"),
        };

        var valid = await api.Client.SendAsync(Get(key.Sign("ada", Issuer, Issuer)));
        var refused = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, token) in attacks)
        {
            refused[name] = (await api.Client.SendAsync(Get(token))).StatusCode;
        }

        valid.StatusCode.Should().Be(HttpStatusCode.OK, api.Process.Problems);
        refused.Should().AllSatisfy(pair => pair.Value.Should().Be(HttpStatusCode.Unauthorized, pair.Key));
    }

    [Fact]
    public async Task Tokens_ForgedKeyIdStorm_CausesAtMostOneJwksFetchPerRefetchInterval()
    {
        var (jwks, api, key) = await StartApiOnJwksAsync();
        await using var _ = jwks;
        await using var __ = api;
        (await api.Client.SendAsync(Get(key.Sign("ada", Issuer, Issuer)))).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = jwks.Fetches;
        var clock = Stopwatch.StartNew();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
            (await api.Client.SendAsync(Get(TestSigningKey.Create("EdDSA", $"forged-{i}").Sign("victim", Issuer, Issuer)))).StatusCode));

        // Jwt:JwksRefetchInterval is 5 s by default.
        var allowed = (int)(clock.Elapsed.TotalSeconds / 5) + 1;
        statuses.Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.Unauthorized));
        (jwks.Fetches - before).Should().BeLessThanOrEqualTo(allowed, $"300 forged kids in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static HttpRequestMessage Get(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/todos");
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    private static string Payload()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { sub = "victim", iss = Issuer, aud = Issuer, iat = now, exp = now + 900 }));
    }

    private static string Unsigned(string kid) =>
        $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", kid }))}.{Payload()}.";

    private static string Hmac(byte[] secret, string kid)
    {
        var input = $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "HS256", kid }))}.{Payload()}";
        return $"{input}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)))}";
    }

    public void Dispose() => _directory.Dispose();
}
