using System.Net;
using OtpNet;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>
/// Two-factor sign-in attacked from outside: the password alone must open nothing, codes cannot be guessed without
/// limit or replayed, and the challenge cookie can be neither forged nor carried over to another account.
/// </summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class TwoFactorTests(SecurityHostsFixture hosts)
{
    private const string ChallengeCookie = "better-auth.two_factor";

    private HttpClient Gateway => hosts.Gateway;

    [Fact]
    public async Task TwoFactor_PasswordAlone_OpensNoSession()
    {
        var enrolled = await EnrolAsync();

        var signIn = await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password);

        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        signIn.Header("set-auth-token").Should().BeNull();
        (await signIn.JsonAsync()).GetProperty("twoFactorRedirect").GetBoolean().Should().BeTrue();
        var challenge = CookieOf(signIn);
        var challengeToken = Uri.UnescapeDataString(challenge[(ChallengeCookie.Length + 1)..]);
        (await Accounts.IsLiveAsync(Gateway, cookie: challenge)).Should().BeFalse();
        (await Accounts.IsLiveAsync(Gateway, bearer: challengeToken)).Should().BeFalse("the challenge token is no session token");
        (await Accounts.IsLiveAsync(Gateway, cookie: Accounts.Cookie(challengeToken))).Should().BeFalse();
        (await Accounts.TokenStatusAsync(Gateway, bearer: challengeToken)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TwoFactor_CodeGuessing_IsCappedPerChallengeAndThenLocksTheAccountsSecondFactor()
    {
        var enrolled = await EnrolAsync();
        var challenge = CookieOf(await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password));
        for (var i = 0; i < 5; i++)
        {
            await (await VerifyAsync(challenge, WrongCode(enrolled.Secret)))
                .ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CODE");
        }

        await (await VerifyAsync(challenge, NextCode(enrolled.Secret)))
            .ShouldBeAuthErrorAsync(HttpStatusCode.BadRequest, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "even the right code, once the challenge is spent");
        for (var i = 0; i < 5; i++)
        {
            var fresh = CookieOf(await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password));
            await (await VerifyAsync(fresh, WrongCode(enrolled.Secret))).ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CODE");
        }

        var locked = await VerifyAsync(
            CookieOf(await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password)), NextCode(enrolled.Secret));
        await locked.ShouldBeAuthErrorAsync(HttpStatusCode.TooManyRequests, "ACCOUNT_TEMPORARILY_LOCKED", "ten failures in a row");
        locked.Header("set-auth-token").Should().BeNull();
    }

    [Fact]
    public async Task TwoFactor_AcceptedCode_CannotBeReplayed()
    {
        var enrolled = await EnrolAsync();
        var code = NextCode(enrolled.Secret);
        var first = await VerifyAsync(CookieOf(await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password)), code);
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        var replay = await VerifyAsync(CookieOf(await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password)), code);

        await replay.ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CODE");
    }

    [Fact]
    public async Task TwoFactor_ChallengeCookie_ForgedOrFromAnotherAccountIsRejected()
    {
        var victim = await EnrolAsync();
        var attacker = await EnrolAsync();
        var attackerChallenge = CookieOf(await Accounts.SignInAsync(Gateway, attacker.User.Email, attacker.User.Password));
        var value = Uri.UnescapeDataString(attackerChallenge[(ChallengeCookie.Length + 1)..]);
        var forged = $"{ChallengeCookie}={Uri.EscapeDataString(victim.User.Id + value[value.LastIndexOf('.')..])}";

        var withForged = await VerifyAsync(forged, NextCode(victim.Secret));
        var attackersWithVictimsCode = await VerifyAsync(attackerChallenge, NextCode(victim.Secret));

        await withForged.ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_TWO_FACTOR_COOKIE");
        await attackersWithVictimsCode.ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_CODE",
            "a challenge is checked against its own account's secret");
    }

    [Fact]
    public async Task TwoFactor_BearerOnlyClient_CanEnrolManageAndTurnItOffWithoutCookies()
    {
        var enrolled = await EnrolAsync();

        var codes = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/two-factor/generate-backup-codes",
            bearer: enrolled.User.SessionToken, json: new { password = enrolled.User.Password });
        var disable = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/two-factor/disable",
            bearer: enrolled.User.SessionToken, json: new { password = enrolled.User.Password });

        codes.StatusCode.Should().Be(HttpStatusCode.OK);
        disable.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Accounts.SignInAsync(Gateway, enrolled.User.Email, enrolled.User.Password)).Header("set-auth-token").Should().NotBeNull();
    }

    private async Task<Enrolled> EnrolAsync()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var enable = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/two-factor/enable", bearer: user.SessionToken,
            json: new { password = user.Password });
        enable.StatusCode.Should().Be(HttpStatusCode.OK, await enable.Content.ReadAsStringAsync());
        var uri = (await enable.JsonAsync()).GetProperty("totpURI").GetString()!;
        var secret = System.Web.HttpUtility.ParseQueryString(new Uri(uri).Query)["secret"]!;
        var confirm = await Gateway.SendAsync(HttpMethod.Post, "/api/auth/two-factor/verify-totp", bearer: user.SessionToken,
            json: new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        return new Enrolled(user, secret);
    }

    private Task<HttpResponseMessage> VerifyAsync(string cookie, string code) =>
        Gateway.SendAsync(HttpMethod.Post, "/api/auth/two-factor/verify-totp", json: new { code }, cookie: cookie,
            headers: new Dictionary<string, string> { ["Origin"] = Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority) });

    private static string NextCode(string secret) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    private static string WrongCode(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var right = new[] { -60, -30, 0, 30, 60 }.Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !right.Contains(c));
    }

    private static string CookieOf(HttpResponseMessage response) =>
        response.SetCookies().Single(c => c.StartsWith(ChallengeCookie + "=", StringComparison.Ordinal)).Split(';')[0];

    private sealed record Enrolled(SignedUpUser User, string Secret);
}
