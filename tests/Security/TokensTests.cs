using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Tokens on the API: what it accepts as a bearer JWT, and how it refuses everything else.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class TokensTests(SecurityHostsFixture hosts)
{
    private HttpClient Api => hosts.Api;

    private HttpClient Gateway => hosts.Gateway;

    private Task<HttpResponseMessage> CallApiAsync(string token) => Api.SendAsync(HttpMethod.Get, "/api/todos", bearer: token);

    private async Task ShouldBeAcceptedAsync(string token, string because)
    {
        var response = await CallApiAsync(token);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{because}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task ShouldBeRejectedAsync(string token, string because) =>
        await (await CallApiAsync(token)).ShouldBeUnauthorizedProblemAsync(tokenSent: true, because);

    private static string Unsigned(string header, string payload) =>
        $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";

    // ---- algorithm ----

    [Fact]
    public async Task Tokens_ValidHs256WithAllRequiredClaims_IsAccepted()
    {
        await ShouldBeAcceptedAsync(Claims.Sign(Claims.Hs256Header, Claims.Payload()), "the control token for every refusal below");
        await ShouldBeAcceptedAsync(JwtForge.Valid(Claims.NewUserId()), "a token as the gateway shapes it");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task Tokens_AlgNone_IsRejected(string alg)
    {
        var header = $$"""{"alg":"{{alg}}","typ":"JWT"}""";
        var payload = Claims.Payload();

        await ShouldBeRejectedAsync(Unsigned(header, payload), $"alg {alg} without a signature");
        await ShouldBeRejectedAsync(Claims.Sign(header, payload), $"alg {alg} with a (valid HMAC) signature attached");
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    public async Task Tokens_OtherHmacAlgorithmsWithTheRightSecret_AreRejected(string algorithm)
    {
        var token = JwtForge.Create(new Dictionary<string, object> { ["sub"] = Claims.NewUserId() }, algorithm: algorithm);

        await ShouldBeRejectedAsync(token, $"only HS256 is accepted, not {algorithm}");
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("EdDSA")]
    public async Task Tokens_AsymmetricAlgSignedWithTheSecretAsKey_IsRejected(string alg)
    {
        // Algorithm confusion: the header names a public-key algorithm, the signature is an HMAC over the shared secret.
        var token = Claims.Sign($$"""{"alg":"{{alg}}","typ":"JWT"}""", Claims.Payload());

        await ShouldBeRejectedAsync(token, $"alg {alg} with the secret used as the key");
    }

    // ---- headers ----

    [Theory]
    [InlineData("\"crit\":[\"exp\"]")]
    [InlineData("\"crit\":[\"x-unknown\"],\"x-unknown\":true")]
    [InlineData("\"crit\":[]")]
    public async Task Tokens_CritHeader_IsRejected(string crit)
    {
        await ShouldBeRejectedAsync(Claims.Sign(Claims.HeaderWith(crit), Claims.Payload()), $"header {crit}");
    }

    [Theory]
    [InlineData("\"jku\":\"https://attacker.example/jwks.json\"")]
    [InlineData("\"x5u\":\"https://attacker.example/cert.pem\"")]
    [InlineData("\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}")]
    public async Task Tokens_KeySelectingHeaders_AreRejectedEvenWithAValidSignature(string member)
    {
        await ShouldBeRejectedAsync(Claims.Sign(Claims.HeaderWith(member), Claims.Payload()), $"header {member}");
    }

    [Fact]
    public async Task Tokens_EmbeddedJwkWithTheAttackersKey_NeverSelectsTheKey()
    {
        var attackerSecret = TestSecrets.NewSecret();
        var jwk = $$"""{"kty":"oct","k":"{{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(attackerSecret))}}"}""";

        var token = Claims.Sign(Claims.HeaderWith($"\"jwk\":{jwk}"), Claims.Payload(), attackerSecret);

        await ShouldBeRejectedAsync(token, "a token signed with the key it carries itself");
    }

    [Fact]
    public async Task Tokens_KidIsInformationalOnly()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var ourKid = JwtForge.Decode(await Accounts.MintJwtAsync(Gateway, user.SessionToken)).Header.GetProperty("kid").GetString()!;

        await ShouldBeAcceptedAsync(
            Claims.Sign(Claims.HeaderWith("\"kid\":\"../../../../dev/null\""), Claims.Payload()),
            "an unknown kid selects nothing: the one secret still verifies the token");
        await ShouldBeRejectedAsync(
            Claims.Sign(Claims.HeaderWith($"\"kid\":\"{ourKid}\""), Claims.Payload(), TestSecrets.OtherJwtSecret),
            "naming our kid does not make another secret's signature valid");
    }

    // ---- claims and lifetime ----

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("sub")]
    [InlineData("exp")]
    public async Task Tokens_MissingRequiredClaim_IsRejected(string claim)
    {
        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, Claims.Payload(null, (claim, null))), $"no {claim}");
    }

    [Theory]
    [InlineData("iss", "someone-else")]
    [InlineData("aud", "someone-else")]
    [InlineData("sub", "")]
    [InlineData("sub", "   ")]
    public async Task Tokens_WrongIssuerAudienceOrBlankSubject_IsRejected(string claim, string value)
    {
        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, Claims.Payload(null, (claim, value))), $"{claim} = '{value}'");
    }

    [Fact]
    public async Task Tokens_ExpiredMoreThan30SecondsAgo_IsRejected()
    {
        var now = Claims.Now;
        var payload = Claims.Payload(null, ("iat", now - 935), ("nbf", now - 935), ("exp", now - 35));

        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, payload), "expired 35 s ago: beyond the 30 s skew (JwtBearer's default is 300 s)");
    }

    [Fact]
    public async Task Tokens_ExpiredWithinTheSkew_IsAccepted()
    {
        var now = Claims.Now;
        var payload = Claims.Payload(null, ("iat", now - 910), ("nbf", now - 910), ("exp", now - 10));

        await ShouldBeAcceptedAsync(Claims.Sign(Claims.Hs256Header, payload), "expired 10 s ago: within the skew");
    }

    [Theory]
    [InlineData("€&<>'\"+", "non-ASCII and HTML-sensitive characters")]
    [InlineData("\u0001", "control characters")]
    public async Task Tokens_LargestProfileTheGatewayAccepts_StillMakesATokenTheApiAccepts(string unit, string why)
    {
        static string Fill(string prefix, string unit, int length) =>
            (prefix + string.Concat(Enumerable.Repeat(unit, length)))[..length];
        var user = await Accounts.SignUpAsync(Gateway, name: Fill(string.Empty, unit, 100));
        var update = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/update-user", user.SessionToken,
            new { image = Fill("https://img.example/", unit, 2048) });
        update.StatusCode.Should().Be(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        var jwt = await Accounts.MintJwtAsync(Gateway, user.SessionToken);

        var me = await Api.SendAsync(HttpMethod.Get, "/api/me", jwt);
        me.StatusCode.Should().Be(HttpStatusCode.OK,
            $"a name and image at their length limits ({why}) make a {jwt.Length}-character token the API must still accept");
    }

    [Theory]
    [InlineData(253_402_300_799L, "the last second of year 9999")]
    [InlineData(253_402_300_780L, "19 s before the end of year 9999, within the skew")]
    public async Task Tokens_ExpiryAtTheEndOfTheCalendar_IsAcceptedNeverA500(long exp, string why)
    {
        var payload = Claims.Payload(null, ("exp", exp));

        await ShouldBeAcceptedAsync(Claims.Sign(Claims.Hs256Header, payload), $"a correctly signed token that expires at {why}");
    }

    [Fact]
    public async Task Tokens_NotBeforeMoreThan30SecondsAhead_IsRejected()
    {
        var payload = Claims.Payload(null, ("nbf", Claims.Now + 35));

        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, payload), "nbf 35 s in the future");
    }

    [Fact]
    public async Task Tokens_IssuedAtMoreThan30SecondsInTheFuture_IsRejected()
    {
        var payload = Claims.Payload(null, ("iat", Claims.Now + 120));

        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, payload), "iat 2 minutes in the future (JwtBearer ignores iat)");
    }

    [Fact]
    public async Task Tokens_IssuedAtWithinTheSkew_IsAccepted()
    {
        var payload = Claims.Payload(null, ("iat", Claims.Now + 10));

        await ShouldBeAcceptedAsync(Claims.Sign(Claims.Hs256Header, payload), "iat 10 s ahead: ordinary clock drift");
    }

    [Theory]
    [InlineData("sub", "\"u-second-user\"")]
    [InlineData("exp", "4102444800")]
    [InlineData("aud", "\"todoclean-api\"")]
    [InlineData("iss", "\"todoclean-auth\"")]
    public async Task Tokens_DuplicateClaimNames_AreRejected(string claim, string secondValue)
    {
        var payload = Claims.Payload();
        var duplicated = $"{payload[..^1]},\"{claim}\":{secondValue}}}";

        await ShouldBeRejectedAsync(Claims.Sign(Claims.Hs256Header, duplicated), $"two '{claim}' members (parsers disagree on which wins)");
    }

    [Fact]
    public async Task Tokens_DuplicateHeaderNames_AreRejected()
    {
        await ShouldBeRejectedAsync(
            Claims.Sign("""{"alg":"none","typ":"JWT","alg":"HS256"}""", Claims.Payload()), "two 'alg' members in the header");
    }

    // ---- malformed input ----

    public static TheoryData<string, string> MalformedTokens()
    {
        var payload = Claims.Payload();
        var header = Base64UrlEncoder.Encode(Claims.Hs256Header);
        var body = Base64UrlEncoder.Encode(payload);
        string Signed(string h, string p) => Claims.Sign(h, p);
        string SignedRaw(string encodedHeader, string encodedPayload)
        {
            var signature = HMACSHA256.HashData(
                Encoding.UTF8.GetBytes(TestSecrets.JwtSecret), Encoding.ASCII.GetBytes($"{encodedHeader}.{encodedPayload}"));
            return $"{encodedHeader}.{encodedPayload}.{Base64UrlEncoder.Encode(signature)}";
        }

        var nonUtf8 = Base64UrlEncoder.Encode([0xFF, 0xFE, 0xC3, 0x28, 0xA0, 0xA1, 0x7B, 0x7D]);
        return new TheoryData<string, string>
        {
            { "garbage", "not-a-jwt" },
            { "four parts", "a.b.c.d" },
            { "three dots only", "..." },
            { "two dots only", ".." },
            { "five parts (JWE shape)", $"{header}.{body}.AAAA.BBBB.CCCC" },
            { "empty segments", $"{header}..{Signed(Claims.Hs256Header, payload).Split('.')[2]}" },
            { "base64 errors", "!!!!.????.****" },
            { "base64 with padding and spaces", $"{header}==.{body}  .sig" },
            { "non-UTF-8 header bytes", SignedRaw(nonUtf8, body) },
            { "non-UTF-8 payload bytes", SignedRaw(header, nonUtf8) },
            { "payload JSON is an array", Signed(Claims.Hs256Header, $"[{payload}]") },
            { "payload JSON is a string", Signed(Claims.Hs256Header, "\"sub\"") },
            { "payload JSON is a number", Signed(Claims.Hs256Header, "42") },
            { "payload is not JSON", Signed(Claims.Hs256Header, "sub=me") },
            { "payload JSON truncated", Signed(Claims.Hs256Header, payload[..^5]) },
            { "payload JSON with trailing data", Signed(Claims.Hs256Header, payload + "{}") },
            { "header JSON is an array", Signed("[\"HS256\"]", payload) },
            { "header without alg", Signed("""{"typ":"JWT"}""", payload) },
            { "alg is not a string", Signed("""{"alg":["HS256"],"typ":"JWT"}""", payload) },
            { "deeply nested payload", Signed(Claims.Hs256Header, $"{payload[..^1]},\"x\":{new string('[', 5000)}{new string(']', 5000)}}}") },
            { "correctly signed, over the 24 KB limit", Signed(Claims.Hs256Header, Claims.Payload(null, ("pad", new string('A', 19_000)))) },
            { "valid token with a truncated signature", Signed(Claims.Hs256Header, payload)[..^4] },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task Tokens_MalformedInput_Is401NeverA500(string why, string token)
    {
        await ShouldBeRejectedAsync(token, why);
    }

    [Fact]
    public async Task Tokens_HugeTokenOf100KB_IsRefusedNeverA500()
    {
        var token = Claims.Sign(Claims.Hs256Header, Claims.Payload(null, ("pad", new string('A', 75_000))));
        token.Length.Should().BeGreaterThan(100_000);

        var response = await CallApiAsync(token);

        if (response.StatusCode == HttpStatusCode.RequestHeaderFieldsTooLarge)
        {
            // Kestrel refuses a header block over its 32 KB limit before any authentication runs: a refusal, not a 500.
            // Tokens up to that limit get the 401 problem (the case over the API's own 24 KB limit in MalformedTokens).
            (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
            return;
        }

        await response.ShouldBeUnauthorizedProblemAsync(tokenSent: true, "a 100 KB token");
    }

    // ---- where tokens come from ----

    [Fact]
    public async Task Tokens_InTheQueryString_AreIgnored()
    {
        var token = JwtForge.Valid(Claims.NewUserId());

        foreach (var name in new[] { "access_token", "token", "jwt", "bearer" })
        {
            var response = await Api.SendAsync(HttpMethod.Get, $"/api/todos?{name}={token}");
            await response.ShouldBeUnauthorizedProblemAsync(tokenSent: false, $"?{name}= is never read");
        }
    }

    [Fact]
    public async Task Tokens_InACookie_AreIgnoredByTheApi()
    {
        var token = JwtForge.Valid(Claims.NewUserId());

        foreach (var name in new[] { "access_token", "token", "jwt", "Authorization", Accounts.CookieName, ".AspNetCore.Cookies" })
        {
            var response = await Api.SendAsync(HttpMethod.Get, "/api/todos", cookie: $"{name}={token}");
            await response.ShouldBeUnauthorizedProblemAsync(tokenSent: false, $"cookie {name} is never read");
        }
    }

    [Fact]
    public async Task Tokens_GatewaySessionTokenAsApiBearer_IsRejected()
    {
        var user = await Accounts.SignUpAsync(Gateway);

        await ShouldBeRejectedAsync(user.SessionToken, "the signed session token is not a JWT");
        await ShouldBeRejectedAsync(Accounts.RawToken(user.SessionToken), "the raw session token is not a JWT");
    }

    [Fact]
    public async Task Tokens_JwtAsGatewaySessionBearer_IsNoSession()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var jwt = await Accounts.MintJwtAsync(Gateway, user.SessionToken);

        (await Accounts.IsLiveAsync(Gateway, bearer: jwt)).Should().BeFalse("get-session answers null for a JWT bearer");
        (await Accounts.IsLiveAsync(Gateway, cookie: Accounts.Cookie(jwt))).Should().BeFalse("a JWT is no session cookie either");
        (await Accounts.TokenStatusAsync(Gateway, bearer: jwt)).Should().Be(HttpStatusCode.Unauthorized, "a JWT cannot mint JWTs");
        (await Gateway.SendAsync(HttpMethod.Get, "/api/auth/list-sessions", bearer: jwt)).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);
    }

    // ---- the shape of every failure ----

    [Theory]
    [InlineData("GET", "/api/todos")]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/todos/0190a4c8-7b7e-7c3a-9d1e-111111111111")]
    [InlineData("POST", "/api/todos")]
    [InlineData("DELETE", "/api/todos/0190a4c8-7b7e-7c3a-9d1e-111111111111")]
    public async Task Tokens_NoToken_Is401WithPlainBearerChallenge(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, json: method == "POST" ? new { title = "x" } : null);

        await response.ShouldBeUnauthorizedProblemAsync(tokenSent: false, $"{method} {path} without a token");
    }

    [Fact]
    public async Task Tokens_EveryFailure_IsTheSameProblemWithoutLibraryDetail()
    {
        var expired = Claims.Sign(Claims.Hs256Header, Claims.Payload(null, ("iat", Claims.Now - 4000), ("nbf", Claims.Now - 4000), ("exp", Claims.Now - 3000)));
        var foreign = JwtForge.Create(new Dictionary<string, object> { ["sub"] = Claims.NewUserId() }, secret: TestSecrets.OtherJwtSecret);
        var details = new HashSet<string>();

        foreach (var token in new[] { expired, foreign, "garbage", JwtForge.Unsigned(Claims.NewUserId()) })
        {
            var response = await CallApiAsync(token);
            await response.ShouldBeUnauthorizedProblemAsync(tokenSent: true);
            var problem = await response.JsonAsync();
            details.Add(problem.GetProperty("detail").GetString()!);
        }

        details.Should().ContainSingle("expired, foreign, malformed and unsigned tokens are indistinguishable to the client");
    }

    [Fact]
    public async Task Tokens_OtherApiErrors_AreProblemJson()
    {
        var bearer = JwtForge.Valid(Claims.NewUserId());

        await (await Api.SendAsync(HttpMethod.Get, "/api/does-not-exist", bearer)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "404");
        await (await Api.SendAsync(HttpMethod.Get, "/api/todos/not-a-guid", bearer)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "404 route constraint");
        await (await Api.SendAsync(HttpMethod.Patch, "/api/todos", bearer, new { title = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "405");
        await (await Api.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\":\"x\"}", "text/plain", bearer))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "415");
        await (await Api.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\":", Http.JsonType, bearer))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "400 invalid JSON");
        await (await Api.SendAsync(HttpMethod.Get, "/api/todos?page=abc", bearer)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "400 query binding");
        await (await Api.SendRawAsync(HttpMethod.Post, "/api/todos", $"{{\"title\":\"{new string('x', 200_000)}\"}}", Http.JsonType, bearer, Http.ExpectContinue))
            .ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "413 body over the limit");
    }
}
