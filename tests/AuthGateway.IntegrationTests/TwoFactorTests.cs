using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OtpNet;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Two-factor sign-in over HTTP, as Better Auth's twoFactor plugin answers it. Codes are computed here with Otp.NET from
/// the secret in the enrolment URI; since a code is accepted once, a test that needs a second code uses the next step's
/// (accepted within the one-step drift window) or a backup code.
/// </summary>
public abstract class TwoFactorTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : TwoFactorTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : TwoFactorTests(factory), IClassFixture<PostgresGatewayFactory>;

    private const string ChallengeCookie = "better-auth.two_factor";
    private const string TrustCookie = "better-auth.trust_device";

    private readonly HttpClient _client = factory.CreateBareClient();

    [Fact]
    public async Task Enable_WhenPasswordIsRight_ShouldReturnAUriAndTenBackupCodesAndLeaveTwoFactorOffUntilConfirmed()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/enable", bearer: user.SessionToken,
            body: new { password = user.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("method").GetString().Should().Be("totp");
        body.GetProperty("totpURI").GetString().Should().StartWith("otpauth://totp/");
        body.GetProperty("backupCodes").GetArrayLength().Should().Be(10);
        (await SessionUserAsync(user.SessionToken)).GetProperty("twoFactorEnabled").GetBoolean().Should().BeFalse();
        (await SignInAsync(user)).Header("set-auth-token").Should().NotBeNull("two-factor is not on before the first code");
    }

    [Fact]
    public async Task Enable_WhenPasswordIsWrong_ShouldReturnInvalidPassword()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/enable", bearer: user.SessionToken,
            body: new { password = "not my password" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("INVALID_PASSWORD");
    }

    [Fact]
    public async Task Enable_WhenThereIsNoSession_ShouldReturn401()
    {
        var response = await _client.PostJsonAsync("/api/auth/two-factor/enable", new { password = "whatever password" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_WhenTwoFactorIsOn_ShouldAnswerTwoFactorRedirectWithNoSessionButASignedChallengeCookie()
    {
        var enrolled = await EnrolAsync();

        var response = await SignInAsync(enrolled.User);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("twoFactorRedirect").GetBoolean().Should().BeTrue();
        body.GetProperty("twoFactorMethods").EnumerateArray().Select(m => m.GetString()).Should().Equal("totp");
        body.TryGetProperty("token", out _).Should().BeFalse();
        response.Header("set-auth-token").Should().BeNull();
        var cookies = response.SetCookies();
        cookies.Should().ContainSingle(c => c.StartsWith(ChallengeCookie + "=", StringComparison.Ordinal))
            .Which.Should().Contain("Max-Age=600").And.Contain("HttpOnly").And.Contain("SameSite=Lax");
        cookies.Where(c => c.StartsWith("better-auth.session_token=", StringComparison.Ordinal))
            .Should().OnlyContain(c => c.StartsWith("better-auth.session_token=;", StringComparison.Ordinal));
        var session = await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", cookie: CookieOf(response, ChallengeCookie));
        (await session.Content.ReadAsStringAsync()).Should().Be("null", "the password alone opens no session");
    }

    [Fact]
    public async Task VerifyTotp_WhenTheCodeIsRight_ShouldStartTheSessionAndEndTheChallenge()
    {
        var enrolled = await EnrolAsync();
        var challenge = CookieOf(await SignInAsync(enrolled.User), ChallengeCookie);

        var response = await VerifyTotpAsync(challenge, NextCode(enrolled.Secret));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        var token = body.GetProperty("token").GetString()!;
        body.GetProperty("user").GetProperty("id").GetString().Should().Be(enrolled.User.Id);
        body.GetProperty("user").GetProperty("twoFactorEnabled").GetBoolean().Should().BeTrue();
        var bearer = response.Header("set-auth-token");
        bearer.Should().StartWith(token + ".");
        response.SetCookies().Should().Contain(c => c.StartsWith("better-auth.session_token=" + Uri.EscapeDataString(token), StringComparison.Ordinal));
        response.SetCookies().Should().Contain(c => c.StartsWith(ChallengeCookie + "=;", StringComparison.Ordinal));
        (await AuthFlows.GetJwtAsync(_client, bearer!)).Should().NotBeNullOrEmpty();
        var again = await VerifyTotpAsync(challenge, NextCode(enrolled.Secret));
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await again.ErrorAsync()).Code.Should().Be("INVALID_TWO_FACTOR_COOKIE");
    }

    [Fact]
    public async Task VerifyTotp_WhenTheCodeWasAlreadyAccepted_ShouldReturnInvalidCode()
    {
        var enrolled = await EnrolAsync();
        var code = NextCode(enrolled.Secret);
        (await VerifyTotpAsync(CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), code)).StatusCode.Should().Be(HttpStatusCode.OK);

        var replay = await VerifyTotpAsync(CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), code);

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await replay.ErrorAsync()).Should().Be(("Invalid code", "INVALID_CODE"));
        replay.Header("set-auth-token").Should().BeNull();
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("unsigned")]
    [InlineData("missing")]
    public async Task VerifyTotp_WhenTheChallengeCookieIsNotOneWeSigned_ShouldReturnInvalidTwoFactorCookie(string kind)
    {
        var enrolled = await EnrolAsync();
        var challenge = CookieOf(await SignInAsync(enrolled.User), ChallengeCookie);
        var value = Uri.UnescapeDataString(challenge[(ChallengeCookie.Length + 1)..]);
        var token = value[..value.LastIndexOf('.')];
        var cookie = kind switch
        {
            "tampered" => $"{ChallengeCookie}={Uri.EscapeDataString((token[0] == 'A' ? "B" : "A") + value[1..])}",
            "unsigned" => $"{ChallengeCookie}={token}",
            _ => null,
        };

        var response = await VerifyTotpAsync(cookie, NextCode(enrolled.Secret));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ErrorAsync()).Should().Be(("Invalid two factor cookie", "INVALID_TWO_FACTOR_COOKIE"));
        response.Header("set-auth-token").Should().BeNull();
    }

    [Fact]
    public async Task VerifyTotp_WhenOneUsersChallengeComesWithAnotherUsersCode_ShouldNotSignEitherIn()
    {
        var alice = await EnrolAsync();
        var mallory = await EnrolAsync();
        var aliceChallenge = CookieOf(await SignInAsync(alice.User), ChallengeCookie);

        var response = await VerifyTotpAsync(aliceChallenge, NextCode(mallory.Secret));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ErrorAsync()).Code.Should().Be("INVALID_CODE");
        response.Header("set-auth-token").Should().BeNull();
    }

    [Fact]
    public async Task VerifyTotp_WhenFiveWrongCodesWereTried_ShouldEndTheChallenge()
    {
        var enrolled = await EnrolAsync();
        var challenge = CookieOf(await SignInAsync(enrolled.User), ChallengeCookie);
        for (var i = 0; i < 5; i++)
        {
            (await VerifyTotpAsync(challenge, WrongCode(enrolled.Secret))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var sixth = await VerifyTotpAsync(challenge, NextCode(enrolled.Secret));
        var seventh = await VerifyTotpAsync(challenge, NextCode(enrolled.Secret));

        sixth.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await sixth.ErrorAsync()).Should().Be(("Too many attempts. Please request a new code.", "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"));
        sixth.SetCookies().Should().Contain(c => c.StartsWith(ChallengeCookie + "=;", StringComparison.Ordinal), "the spent challenge's cookie is expired");
        (await seventh.ErrorAsync()).Code.Should().Be("INVALID_TWO_FACTOR_COOKIE");
    }

    [Fact]
    public async Task VerifyTotp_WhenTenSignInCodesInARowWereWrong_ShouldLockTheSecondFactorWith429()
    {
        var enrolled = await EnrolAsync();
        for (var i = 0; i < 10; i++)
        {
            var challenge = CookieOf(await SignInAsync(enrolled.User), ChallengeCookie);
            (await VerifyTotpAsync(challenge, WrongCode(enrolled.Secret))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var response = await VerifyTotpAsync(CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), NextCode(enrolled.Secret));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await response.ErrorAsync()).Code.Should().Be("ACCOUNT_TEMPORARILY_LOCKED");
        response.Header("set-auth-token").Should().BeNull();
    }

    [Fact]
    public async Task VerifyBackupCode_WhenTheCodeIsRight_ShouldSignInOnceAndRefuseItTheSecondTime()
    {
        var enrolled = await EnrolAsync();

        var first = await PostAsync("/api/auth/two-factor/verify-backup-code",
            cookie: CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), body: new { code = enrolled.BackupCodes[0] });
        var second = await PostAsync("/api/auth/two-factor/verify-backup-code",
            cookie: CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), body: new { code = enrolled.BackupCodes[0] });

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Header("set-auth-token").Should().NotBeNull();
        second.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await second.ErrorAsync()).Should().Be(("Invalid backup code", "INVALID_BACKUP_CODE"));
    }

    [Fact]
    public async Task VerifyTotp_WhenTheDeviceIsTrusted_ShouldLetTheNextSignInSkipTheCode()
    {
        var enrolled = await EnrolAsync();
        var challenge = CookieOf(await SignInAsync(enrolled.User), ChallengeCookie);

        var verified = await VerifyTotpAsync(challenge, NextCode(enrolled.Secret), trustDevice: true);

        verified.SetCookies().Should().ContainSingle(c => c.StartsWith(TrustCookie + "=", StringComparison.Ordinal))
            .Which.Should().Contain("Max-Age=2592000").And.Contain("HttpOnly");
        var trusted = CookieOf(verified, TrustCookie);
        var signIn = await PostAsync("/api/auth/sign-in/email", cookie: trusted,
            body: new { email = enrolled.User.Email, password = enrolled.User.Password });
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signIn.JsonAsync()).GetProperty("token").GetString().Should().NotBeNullOrEmpty();
        CookieOf(signIn, TrustCookie).Should().NotBe(trusted, "the trusted device gets a new token at each use");
        var reused = await PostAsync("/api/auth/sign-in/email", cookie: trusted,
            body: new { email = enrolled.User.Email, password = enrolled.User.Password });
        (await reused.JsonAsync()).GetProperty("twoFactorRedirect").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Disable_WhenPasswordIsRight_ShouldLetThePasswordAloneSignInAgain()
    {
        var enrolled = await EnrolAsync();

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/disable", bearer: enrolled.User.SessionToken,
            body: new { password = enrolled.User.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("status").GetBoolean().Should().BeTrue();
        (await SignInAsync(enrolled.User)).Header("set-auth-token").Should().NotBeNull();
        (await SessionUserAsync(enrolled.User.SessionToken)).GetProperty("twoFactorEnabled").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task GenerateBackupCodes_WhenPasswordIsRight_ShouldReplaceTheOldCodes()
    {
        var enrolled = await EnrolAsync();

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/generate-backup-codes",
            bearer: enrolled.User.SessionToken, body: new { password = enrolled.User.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("status").GetBoolean().Should().BeTrue();
        var codes = body.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        codes.Should().HaveCount(10);
        var old = await PostAsync("/api/auth/two-factor/verify-backup-code",
            cookie: CookieOf(await SignInAsync(enrolled.User), ChallengeCookie), body: new { code = enrolled.BackupCodes[0] });
        (await old.ErrorAsync()).Code.Should().Be("INVALID_BACKUP_CODE");
    }

    [Fact]
    public async Task GetTotpUri_WhenPasswordIsRight_ShouldReturnTheSameSecret()
    {
        var enrolled = await EnrolAsync();

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/get-totp-uri",
            bearer: enrolled.User.SessionToken, body: new { password = enrolled.User.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        SecretOf((await response.JsonAsync()).GetProperty("totpURI").GetString()!).Should().Be(enrolled.Secret);
    }

    [Fact]
    public async Task QrCode_WhenPasswordIsRight_ShouldReturnAnSvgAndTheKey()
    {
        var enrolled = await EnrolAsync();

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/qr-code",
            bearer: enrolled.User.SessionToken, body: new { password = enrolled.User.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("svg").GetString().Should().Contain("<svg");
        body.GetProperty("key").GetString().Should().Be(enrolled.Secret);
    }

    [Theory]
    [InlineData("/api/auth/two-factor/verify-totp")]
    [InlineData("/api/auth/two-factor/verify-backup-code")]
    public async Task Verify_WhenTheCodeIsMissing_ShouldReturn400NotAFault(string path)
    {
        var response = await _client.PostJsonAsync(path, new { trustDevice = true });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<Enrolled> EnrolAsync()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var enable = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/enable", bearer: user.SessionToken,
            body: new { password = user.Password });
        enable.StatusCode.Should().Be(HttpStatusCode.OK, await enable.Content.ReadAsStringAsync());
        var body = await enable.JsonAsync();
        var secret = SecretOf(body.GetProperty("totpURI").GetString()!);
        var codes = body.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var confirm = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/two-factor/verify-totp", bearer: user.SessionToken,
            body: new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        return new Enrolled(user, secret, codes);
    }

    private Task<HttpResponseMessage> SignInAsync(SignedUpUser user) =>
        _client.PostJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = user.Password });

    private Task<HttpResponseMessage> VerifyTotpAsync(string? cookie, string code, bool trustDevice = false) =>
        PostAsync("/api/auth/two-factor/verify-totp", cookie: cookie, body: new { code, trustDevice });

    /// <summary>A POST as the browser sends it: with a cookie comes the page's Origin, which the origin check wants.</summary>
    private async Task<HttpResponseMessage> PostAsync(string path, string? cookie, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("Origin", _client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        }

        return await _client.SendAsync(request);
    }

    private async Task<JsonElement> SessionUserAsync(string sessionToken) =>
        (await (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: sessionToken)).JsonAsync()).GetProperty("user");

    /// <summary>The next step's code: later than the one the enrolment used, and inside the one-step drift window.</summary>
    private static string NextCode(string secret) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    private static string WrongCode(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var right = new[] { -60, -30, 0, 30, 60 }.Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !right.Contains(c));
    }

    /// <summary>The <c>name=value</c> of the cookie <paramref name="name"/> the response sets, for a Cookie header.</summary>
    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.SetCookies().Single(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal))
            .Split(';')[0];

    private static string SecretOf(string totpUri) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(totpUri).Query)["secret"]!;

    private sealed record Enrolled(SignedUpUser User, string Secret, IReadOnlyList<string> BackupCodes);
}
