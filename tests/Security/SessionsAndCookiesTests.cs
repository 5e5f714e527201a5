using System.Net;
using System.Text.RegularExpressions;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Sessions and cookies on the gateway: session tokens, cookies, ending sessions, CSRF, redirects and CORS.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed partial class SessionsAndCookiesTests(SecurityHostsFixture hosts)
{
    private const string Evil = "https://evil.example";

    private HttpClient Gateway => hosts.Gateway;

    private string TrustedOrigin => hosts.GatewayHost.BaseUrl;

    private Dictionary<string, string> FromOrigin(string origin) => new() { ["Origin"] = origin };

    private static string SessionCookieOf(HttpResponseMessage response, string name = Accounts.CookieName) =>
        response.SetCookies().Single(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));

    // ---- session tokens ----

    [Fact]
    public async Task Sessions_Token_HasAtLeast256BitsAndIsNewOnEverySignIn()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var tokens = new List<string> { Accounts.RawToken(user.SessionToken) };
        for (var i = 0; i < 4; i++)
        {
            var response = await Accounts.SignInAsync(Gateway, user.Email, user.Password);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var body = await response.JsonAsync();
            var raw = body.GetProperty("token").GetString()!;
            Accounts.RawToken(response.Header("set-auth-token")!).Should().Be(raw);
            tokens.Add(raw);
        }

        foreach (var token in tokens)
        {
            AlphanumericToken().IsMatch(token).Should().BeTrue($"'{token}' is drawn from [A-Za-z0-9]");
            (token.Length * Math.Log2(62)).Should().BeGreaterThanOrEqualTo(256, $"'{token}' ({token.Length} chars) must carry ≥ 256 bits");
        }

        tokens.Should().OnlyHaveUniqueItems("every sign-in starts a new session with a new token");
    }

    [Fact]
    public async Task Sessions_Token_IsStoredOnlyAsAHash()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var second = await Accounts.SignInForTokenAsync(Gateway, user.Email);

        var values = Store.AllValues(hosts.GatewayHost.StorePath);

        values.Where(v => v.Table == "sessions" && v.Value == user.Id).Should().HaveCount(2, "both sessions are stored");
        foreach (var signed in new[] { user.SessionToken, second })
        {
            var raw = Accounts.RawToken(signed);
            values.Where(v => v.Value.Contains(raw, StringComparison.Ordinal))
                .Should().BeEmpty("the store must not hold a session token a stolen copy could replay");
        }
    }

    // ---- cookies ----

    [Fact]
    public async Task Cookies_SessionCookie_IsHttpOnlySameSiteLaxPathRoot()
    {
        var email = Accounts.NewEmail();
        var signUp = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
            json: new { name = "Cookie", email, password = Accounts.Password });
        var signIn = await Accounts.SignInAsync(Gateway, email, Accounts.Password);

        foreach (var response in new[] { signUp, signIn })
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var attributes = SessionCookieOf(response).Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
            attributes.Should().Contain("HttpOnly").And.Contain("SameSite=Lax").And.Contain("Path=/");
            attributes.Should().NotContain(a => a.StartsWith("Domain", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Cookies_OnAnHttpsBaseUrl_UseTheSecurePrefixAndSecureAttribute()
    {
        await using var gateway = await RunningHost.StartGatewayAsync(baseUrlScheme: "https");

        var response = await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
            json: new { name = "Secure", email = Accounts.NewEmail(), password = Accounts.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.SetCookies().Should().NotContain(c => c.StartsWith(Accounts.CookieName, StringComparison.Ordinal),
            "on https the cookie only exists with its __Secure- prefix");
        var cookie = SessionCookieOf(response, Accounts.SecureCookieName);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        attributes.Should().Contain("Secure").And.Contain("HttpOnly").And.Contain("SameSite=Lax").And.Contain("Path=/");
        var signed = response.Header("set-auth-token")!;
        (await Accounts.IsLiveAsync(gateway.Client, cookie: Accounts.Cookie(signed, Accounts.SecureCookieName)))
            .Should().BeTrue("the gateway reads the prefixed cookie it sets");
    }

    [Fact]
    public async Task Cookies_ResponsesCarryingASessionOrToken_AreNoStore()
    {
        var email = Accounts.NewEmail();
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-up"] = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = "Cache", email, password = Accounts.Password }),
            ["sign-in"] = await Accounts.SignInAsync(Gateway, email, Accounts.Password),
        };
        var bearer = responses["sign-in"].Header("set-auth-token")!;
        responses["get-session"] = await Gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", bearer);
        responses["token"] = await Gateway.SendAsync(HttpMethod.Get, "/api/auth/token", bearer);
        responses["list-sessions"] = await Gateway.SendAsync(HttpMethod.Get, "/api/auth/list-sessions", bearer);
        responses["update-user"] = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/update-user", bearer, new { name = "Renamed" });
        responses["change-password"] = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", bearer,
            new { currentPassword = Accounts.Password, newPassword = "another long password", revokeOtherSessions = true });

        foreach (var (name, response) in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, name);
            (response.Headers.CacheControl?.NoStore ?? false).Should().BeTrue($"{name} carries a session or token");
        }
    }

    // ---- ending sessions ----

    [Fact]
    public async Task Sessions_SignOut_EndsTheSessionAtOnceForCookieAndBearer()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var cookie = Accounts.Cookie(user.SessionToken);
        (await Accounts.IsLiveAsync(Gateway, cookie: cookie)).Should().BeTrue();

        var signOut = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", user.SessionToken, new { });

        signOut.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeFalse("the bearer session ended");
        (await Accounts.IsLiveAsync(Gateway, cookie: cookie)).Should().BeFalse("the cookie of the same session ended with it");
        (await Accounts.TokenStatusAsync(Gateway, bearer: user.SessionToken)).Should().Be(HttpStatusCode.Unauthorized);
        (await Accounts.TokenStatusAsync(Gateway, cookie: cookie)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sessions_CookieSignOutFromTheTrustedOrigin_EndsTheSession()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var cookie = Accounts.Cookie(user.SessionToken);

        var signOut = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", json: new { }, headers: FromOrigin(TrustedOrigin), cookie: cookie);

        signOut.StatusCode.Should().Be(HttpStatusCode.OK);
        signOut.SetCookies().Should().Contain(c => c.StartsWith(Accounts.CookieName + "=;", StringComparison.Ordinal) && c.Contains("Max-Age=0"));
        (await Accounts.IsLiveAsync(Gateway, cookie: cookie)).Should().BeFalse();
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeFalse();
    }

    [Fact]
    public async Task Sessions_RevokeSession_EndsThatSessionAtOnce()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var other = await Accounts.SignInForTokenAsync(Gateway, user.Email);
        var list = await (await Gateway.SendAsync(HttpMethod.Get, "/api/auth/list-sessions", user.SessionToken)).JsonAsync();
        var handle = list.EnumerateArray().Select(s => s.GetProperty("token").GetString()!)
            .Single(t => t != Accounts.RawToken(user.SessionToken));

        var revoke = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-session", user.SessionToken, new { token = handle });

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.IsLiveAsync(Gateway, bearer: other)).Should().BeFalse("the revoked session ends at once");
        (await Accounts.IsLiveAsync(Gateway, cookie: Accounts.Cookie(other))).Should().BeFalse();
        (await Accounts.TokenStatusAsync(Gateway, bearer: other)).Should().Be(HttpStatusCode.Unauthorized);
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeTrue("the revoking session is untouched");
    }

    [Fact]
    public async Task Sessions_RevokeOwnSessionByToken_EndsItAtOnce()
    {
        var user = await Accounts.SignUpAsync(Gateway);

        var revoke = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-session", user.SessionToken,
            new { token = Accounts.RawToken(user.SessionToken) });

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeFalse();
        (await Accounts.IsLiveAsync(Gateway, cookie: Accounts.Cookie(user.SessionToken))).Should().BeFalse();
    }

    [Fact]
    public async Task Sessions_RevokeSessionsAndRevokeOtherSessions_EndTheirSessionsAtOnce()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var second = await Accounts.SignInForTokenAsync(Gateway, user.Email);
        var third = await Accounts.SignInForTokenAsync(Gateway, user.Email);

        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-other-sessions", third, new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeFalse();
        (await Accounts.IsLiveAsync(Gateway, bearer: second)).Should().BeFalse();
        (await Accounts.IsLiveAsync(Gateway, bearer: third)).Should().BeTrue("revoke-other-sessions keeps the caller's");

        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-sessions", third, new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.IsLiveAsync(Gateway, bearer: third)).Should().BeFalse("revoke-sessions ends every session, the caller's too");
    }

    [Fact]
    public async Task Sessions_ChangePasswordWithRevokeOtherSessions_EndsTheOldSessions()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var other = await Accounts.SignInForTokenAsync(Gateway, user.Email);

        var change = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
            new { currentPassword = user.Password, newPassword = "a brand new password", revokeOtherSessions = true });

        change.StatusCode.Should().Be(HttpStatusCode.OK, await change.Content.ReadAsStringAsync());
        var fresh = change.Header("set-auth-token")!;
        (await Accounts.IsLiveAsync(Gateway, bearer: other)).Should().BeFalse("other devices are signed out");
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeFalse("the old token is replaced");
        (await Accounts.IsLiveAsync(Gateway, bearer: fresh)).Should().BeTrue("the caller continues on the new session");
        (await Accounts.SignInAsync(Gateway, user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sessions_JwtMintedBeforeSignOut_IsRefusedByTheApiWithinSecondsAndNoNewOneIsMinted()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var jwt = await Accounts.MintJwtAsync(Gateway, user.SessionToken);
        (await hosts.Api.SendAsync(HttpMethod.Get, "/api/me", jwt)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", user.SessionToken, new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Accounts.TokenStatusAsync(Gateway, bearer: user.SessionToken))
            .Should().Be(HttpStatusCode.Unauthorized, "the ended session cannot mint a new JWT");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpResponseMessage me;
        while ((me = await hosts.Api.SendAsync(HttpMethod.Get, "/api/me", jwt)).StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await me.ShouldBeUnauthorizedProblemAsync(tokenSent: true,
            "the API follows the gateway's revocation feed: the unexpired JWT of an ended session is refused within seconds");
    }

    [Fact]
    public async Task Sessions_WithoutARevocationFeed_AJwtOfAnEndedSessionLivesUntilItsExpiry()
    {
        await using var api = await RunningHost.StartApiAsync();
        var user = await Accounts.SignUpAsync(Gateway);
        var jwt = await Accounts.MintJwtAsync(Gateway, user.SessionToken);
        var payload = JwtForge.Decode(jwt).Payload;
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64())
            .Should().Be(900, "the bound without a feed: a JWT outlives its session by at most Jwt:AccessTokenLifetime (15 min)");

        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", user.SessionToken, new { })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await api.Client.SendAsync(HttpMethod.Get, "/api/me", jwt)).StatusCode
            .Should().Be(HttpStatusCode.OK, "an API that follows no feed checks tokens offline only (docs/security.md)");
    }

    [Fact]
    public async Task Sessions_TokenMintedNearTheEndOfItsSession_ShouldExpireWithTheSession()
    {
        await using var gateway = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Auth__SessionLifetime"] = "00:00:05",
            ["Jwt__AccessTokenLifetime"] = "00:10:00",
        });
        var user = await Accounts.SignUpAsync(gateway.Client);
        var jwt = await Accounts.MintJwtAsync(gateway.Client, user.SessionToken);

        var payload = JwtForge.Decode(jwt).Payload;
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64())
            .Should().BeLessThanOrEqualTo(5, "a token must not outlive the session it was minted from");
    }

    [Fact]
    public async Task Sessions_SessionAndJwtLifetimes_AreConfigurableInSeconds()
    {
        await using var gateway = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Auth__SessionLifetime"] = "00:00:05",
            ["Jwt__AccessTokenLifetime"] = "00:00:03",
        });
        // A first account warms the fresh host up, so the clock below measures the session, not start-up work.
        await Accounts.SignUpAsync(gateway.Client);
        var started = DateTime.UtcNow;
        var user = await Accounts.SignUpAsync(gateway.Client);
        var jwt = await Accounts.MintJwtAsync(gateway.Client, user.SessionToken);
        (await Accounts.IsLiveAsync(gateway.Client, bearer: user.SessionToken)).Should().BeTrue();
        var payload = JwtForge.Decode(jwt).Payload;
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(3, "the token lives as configured while its session outlives it");

        await Task.Delay(started.AddSeconds(5.5) - DateTime.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        var live = true;
        while (live && DateTime.UtcNow < started.AddSeconds(10))
        {
            live = await Accounts.IsLiveAsync(gateway.Client, bearer: user.SessionToken);
            if (live)
            {
                await Task.Delay(250);
            }
        }

        live.Should().BeFalse("a 5 s session is over after 5 s (checked until 10 s)");
        (await Accounts.TokenStatusAsync(gateway.Client, bearer: user.SessionToken)).Should().Be(HttpStatusCode.Unauthorized);
    }

    // ---- origin and CSRF ----

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task Origin_CookiePostWithoutOrigin_IsRefusedAndChangesNothing(string? origin)
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var cookie = Accounts.Cookie(user.SessionToken);
        var headers = origin is null ? null : FromOrigin(origin);

        var signOut = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", json: new { }, headers: headers, cookie: cookie);
        var revoke = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-sessions", json: new { }, headers: headers, cookie: cookie);

        await signOut.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "MISSING_OR_NULL_ORIGIN");
        await revoke.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "MISSING_OR_NULL_ORIGIN");
        (await Accounts.IsLiveAsync(Gateway, cookie: cookie)).Should().BeTrue("a refused request changes nothing");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1.evil.example")]
    [InlineData("TRUSTED@evil.example")]
    [InlineData("http://localhost:5100")]
    public async Task Origin_CookiePostFromAnUntrustedOrigin_IsRefused(string origin)
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var cookie = Accounts.Cookie(user.SessionToken);
        var lookalike = origin.Replace("TRUSTED", TrustedOrigin, StringComparison.Ordinal);

        var byOrigin = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", json: new { }, headers: FromOrigin(lookalike), cookie: cookie);
        var byReferer = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", json: new { },
            headers: new Dictionary<string, string> { ["Referer"] = lookalike + "/page" }, cookie: cookie);

        await byOrigin.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN", lookalike);
        await byReferer.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN", $"Referer {lookalike}");
        (await Accounts.IsLiveAsync(Gateway, cookie: cookie)).Should().BeTrue();
    }

    [Fact]
    public async Task Origin_SignInAsCrossSiteNavigation_IsBlocked()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var navigation = new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site", ["Sec-Fetch-Mode"] = "navigate", ["Sec-Fetch-Dest"] = "document" };

        var signIn = await Accounts.SignInAsync(Gateway, user.Email, user.Password, navigation);
        var signUp = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
            json: new { name = "x", email = Accounts.NewEmail(), password = Accounts.Password }, headers: navigation);

        await signIn.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
        await signUp.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
        signIn.SetCookies().Should().BeEmpty("no session was started");
    }

    [Fact]
    public async Task Origin_SignInAndSignUpFromABrowserWithoutATrustedOrigin_AreRefused()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var email = Accounts.NewEmail();
        var corsWithoutOrigin = new Dictionary<string, string> { ["Sec-Fetch-Mode"] = "cors", ["Sec-Fetch-Site"] = "cross-site" };

        await (await Accounts.SignInAsync(Gateway, user.Email, user.Password, corsWithoutOrigin))
            .ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "MISSING_OR_NULL_ORIGIN");
        await (await Accounts.SignInAsync(Gateway, user.Email, user.Password, FromOrigin(Evil)))
            .ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");
        await (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = "x", email, password = Accounts.Password }, headers: FromOrigin(Evil)))
            .ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_ORIGIN");

        (await Accounts.SignInAsync(Gateway, user.Email, user.Password, FromOrigin(TrustedOrigin))).StatusCode
            .Should().Be(HttpStatusCode.OK, "the trusted origin signs in");
        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = "x", email, password = Accounts.Password }, headers: FromOrigin(TrustedOrigin))).StatusCode
            .Should().Be(HttpStatusCode.OK, "the refused sign-up created no account");
    }

    [Theory]
    [InlineData("/api/auth/sign-in/email", "application/x-www-form-urlencoded", "email=a%40example.com&password=correct+horse+battery")]
    [InlineData("/api/auth/sign-in/email", "text/plain", "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}")]
    [InlineData("/api/auth/sign-in/email", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@example.com\r\n--x--")]
    [InlineData("/api/auth/sign-up/email", "application/x-www-form-urlencoded", "name=a&email=a%40example.com&password=correct+horse+battery")]
    [InlineData("/api/auth/sign-up/email", "text/plain", "{\"name\":\"a\",\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}")]
    public async Task ContentType_SignInAndSignUp_AcceptOnlyJson(string path, string contentType, string body)
    {
        var response = await Gateway.SendRawAsync(HttpMethod.Post, path, body, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, contentType);
        response.SetCookies().Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/auth/change-password", "{\"currentPassword\":\"correct horse battery staple\",\"newPassword\":\"x-new-password-1\"}")]
    [InlineData("/api/auth/update-user", "{\"name\":\"CSRF\"}")]
    [InlineData("/api/auth/revoke-session", "{\"token\":\"x\"}")]
    public async Task ContentType_StateChangingEndpoints_AcceptOnlyJson(string path, string body)
    {
        var user = await Accounts.SignUpAsync(Gateway);

        var response = await Gateway.SendRawAsync(HttpMethod.Post, path, body, "text/plain", user.SessionToken);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await Accounts.SignInAsync(Gateway, user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the password is unchanged");
    }

    [Theory]
    [InlineData("/api/auth/sign-out")]
    [InlineData("/api/auth/revoke-sessions")]
    [InlineData("/api/auth/revoke-other-sessions")]
    [InlineData("/api/auth/change-password")]
    [InlineData("/api/auth/update-user?name=CSRF")]
    public async Task Get_OnStateChangingRoutes_Is404AndChangesNothing(string path)
    {
        var user = await Accounts.SignUpAsync(Gateway);

        var response = await Gateway.SendAsync(HttpMethod.Get, path, user.SessionToken, cookie: Accounts.Cookie(user.SessionToken));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        response.SetCookies().Should().BeEmpty();
        (await Accounts.IsLiveAsync(Gateway, bearer: user.SessionToken)).Should().BeTrue("GET changed nothing");
        var session = await (await Gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", user.SessionToken)).JsonAsync();
        session.GetProperty("user").GetProperty("name").GetString().Should().Be("Test User");
    }

    [Fact]
    public async Task Get_OnSignInAndSignUp_Is404AndStartsNothing()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var email = Accounts.NewEmail();

        var signIn = await Gateway.SendAsync(HttpMethod.Get,
            $"/api/auth/sign-in/email?email={Uri.EscapeDataString(user.Email)}&password={Uri.EscapeDataString(user.Password)}");
        var signUp = await Gateway.SendAsync(HttpMethod.Get,
            $"/api/auth/sign-up/email?name=x&email={Uri.EscapeDataString(email)}&password={Uri.EscapeDataString(Accounts.Password)}");

        signIn.StatusCode.Should().Be(HttpStatusCode.NotFound);
        signIn.SetCookies().Should().BeEmpty();
        signIn.Header("set-auth-token").Should().BeNull();
        signUp.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Accounts.SignUpAsync(Gateway, email)).Id.Should().NotBeNullOrEmpty("GET created no account");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://127.0.0.1.evil.example/")]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\r\n/evil.example/phish")]
    [InlineData("/\n")]
    [InlineData("/\u0085/evil.example")]
    [InlineData("/%2F/evil.example/phish")]
    [InlineData("/%5cevil.example/phish")]
    [InlineData("/café")]
    [InlineData("/welcome\u2028")]
    public async Task CallbackUrl_UntrustedTarget_IsRefusedBeforeAnythingIsStored(string callbackUrl)
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var email = Accounts.NewEmail();

        var signIn = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-in/email",
            json: new { email = user.Email, password = user.Password, callbackURL = callbackUrl });
        var inQuery = await Gateway.SendAsync(HttpMethod.Post, $"/api/auth/sign-in/email?callbackURL={Uri.EscapeDataString(callbackUrl)}",
            json: new { email = user.Email, password = user.Password });
        var signUp = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
            json: new { name = "x", email, password = Accounts.Password, callbackURL = callbackUrl });

        await signIn.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_CALLBACK_URL", callbackUrl);
        await inQuery.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_CALLBACK_URL", $"query {callbackUrl}");
        await signUp.ShouldBeAuthErrorAsync(HttpStatusCode.Forbidden, "INVALID_CALLBACK_URL", $"sign-up {callbackUrl}");
        signIn.Headers.Location.Should().BeNull();
        signIn.SetCookies().Should().BeEmpty();
        Store.Scalar(hosts.GatewayHost.StorePath, "SELECT COUNT(*) FROM sessions WHERE \"UserId\" = $p0", user.Id)
            .Should().Be(1L, "only the sign-up's session exists: a refused callback stores no session nobody holds");
        Store.Scalar(hosts.GatewayHost.StorePath, "SELECT COUNT(*) FROM users WHERE \"Email\" = $p0", email)
            .Should().Be(0L, "a refused callback creates no account");
    }

    [Fact]
    public async Task CallbackUrl_RelativeOrTrusted_IsAllowed()
    {
        var user = await Accounts.SignUpAsync(Gateway);

        foreach (var callbackUrl in new[] { "/dashboard", $"{TrustedOrigin}/account" })
        {
            var response = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-in/email",
                json: new { email = user.Email, password = user.Password, callbackURL = callbackUrl });
            response.StatusCode.Should().Be(HttpStatusCode.OK, callbackUrl);
            (response.Headers.Location?.OriginalString).Should().Be(callbackUrl);
        }
    }

    // ---- CORS on the API ----

    [Fact]
    public async Task Cors_PreflightFromTheUiOrigin_IsAllowedByEcho()
    {
        var response = await Preflight(hosts.ApiHost, "http://localhost:5100");

        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed).Should().BeTrue();
        allowed!.Single().Should().Be("http://localhost:5100");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:5101")]
    [InlineData("http://localhost:5100.evil.example")]
    [InlineData("null")]
    public async Task Cors_FromAnyOtherOrigin_GetsNoAllowOrigin(string origin)
    {
        var preflight = await Preflight(hosts.ApiHost, origin);
        var actual = await hosts.Api.SendAsync(HttpMethod.Get, "/api/todos", JwtForge.Valid(Claims.NewUserId()), headers: FromOrigin(origin));

        preflight.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse(origin);
        actual.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse(origin);
        actual.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse(origin);
    }

    [Fact]
    public async Task Cors_ConfiguredAllowList_IsExplicitNeverAWildcard()
    {
        await using var api = await RunningHost.StartApiAsync(new Dictionary<string, string?>
        {
            ["Cors__AllowedOrigins__0"] = "https://app.example",
        });

        var configured = await Preflight(api, "https://app.example");
        var previousDefault = await Preflight(api, "http://localhost:5100");

        configured.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be("https://app.example");
        previousDefault.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse("only the configured list is allowed");
        foreach (var response in new[] { configured, previousDefault, await Preflight(hosts.ApiHost, "http://localhost:5100") })
        {
            response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values);
            (values ?? []).Should().NotContain("*");
        }
    }

    private static async Task<HttpResponseMessage> Preflight(RunningHost api, string origin) =>
        await api.Client.SendAsync(HttpMethod.Options, "/api/todos", headers: new Dictionary<string, string>
        {
            ["Origin"] = origin,
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = "authorization, content-type",
        });

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex AlphanumericToken();
}
