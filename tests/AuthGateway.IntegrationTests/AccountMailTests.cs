using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Password reset, email verification and account deletion end to end: the mail leaves through MailKit to a real SMTP
/// server, and each test follows the link it reads out of the received message.
/// </summary>
public abstract class AccountMailTests(MailGatewayFactory factory)
{
    public sealed class OnSqlite(SqliteMailGatewayFactory factory) : AccountMailTests(factory), IClassFixture<SqliteMailGatewayFactory>;

    public sealed class OnPostgres(PostgresMailGatewayFactory factory) : AccountMailTests(factory), IClassFixture<PostgresMailGatewayFactory>;

    private const string ResetAnswer = "If this email exists in our system, check your email for the reset link";

    private readonly HttpClient _client = factory.CreateBareClient();

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        _client.PostJsonAsync("/api/auth/sign-in/email", new { email, password });

    /// <summary>Asks for a reset link for <paramref name="email"/> and returns the token read out of the mail.</summary>
    private async Task<string> ResetTokenFromMailAsync(string email)
    {
        (await _client.PostJsonAsync("/api/auth/request-password-reset", new { email, redirectTo = "/reset" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var link = new Uri(SmtpTestServer.LinkIn(await factory.Smtp.WaitForAsync(email, "Reset")));
        link.AbsolutePath.Should().StartWith("/api/auth/reset-password/");
        link.Query.Should().Be("?callbackURL=%2Freset");
        return link.AbsolutePath["/api/auth/reset-password/".Length..];
    }

    [Fact]
    public async Task PasswordReset_FollowingTheMailedLink_ShouldSetTheNewPasswordAndEndEverySession()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var token = await ResetTokenFromMailAsync(user.Email);

        var callback = await _client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=%2Freset");
        callback.StatusCode.Should().Be(HttpStatusCode.Redirect);
        callback.Headers.Location!.ToString().Should().EndWith($"/reset?token={token}");

        var reset = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "a brand new password", token });

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reset.JsonAsync()).GetProperty("status").GetBoolean().Should().BeTrue();
        (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: user.SessionToken))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a reset ends every session (Auth:RevokeSessionsOnPasswordReset)");
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SignInAsync(user.Email, "a brand new password")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordReset_TokenUsedTwice_ShouldWorkOnlyOnce()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var token = await ResetTokenFromMailAsync(user.Email);
        (await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "first new password", token }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "second new password", token });

        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.ErrorAsync()).Should().Be(("Invalid token", "INVALID_TOKEN"));
        var callback = await _client.GetAsync($"/api/auth/reset-password/{token}?callbackURL=%2Freset");
        callback.Headers.Location!.ToString().Should().EndWith("/reset?error=INVALID_TOKEN");
        (await SignInAsync(user.Email, "first new password")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordReset_Token_ShouldBeStoredOnlyAsItsHash()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var token = await ResetTokenFromMailAsync(user.Email);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IAuthDbContext>().PasswordResetTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync();
        stored.Should().Equal(SecureIds.HashToken(token));
        stored.Should().NotContain(token);
    }

    [Fact]
    public async Task PasswordReset_ForAnUnknownAddress_ShouldAnswerAsForAKnownOneAndSendNothing()
    {
        var known = await AuthFlows.SignUpAsync(_client);
        var unknown = AuthFlows.NewEmail("nobody");

        var forKnown = await _client.PostJsonAsync("/api/auth/request-password-reset", new { email = known.Email });
        var forUnknown = await _client.PostJsonAsync("/api/auth/forget-password", new { email = unknown });

        forUnknown.StatusCode.Should().Be(forKnown.StatusCode).And.Be(HttpStatusCode.OK);
        (await forUnknown.Content.ReadAsStringAsync()).Should().Be(await forKnown.Content.ReadAsStringAsync());
        (await forKnown.JsonAsync()).GetProperty("message").GetString().Should().Be(ResetAnswer);
        await factory.Smtp.WaitForAsync(known.Email, "Reset");
        factory.Smtp.CountTo(unknown).Should().Be(0);
    }

    [Fact]
    public async Task ResetPassword_WithBadInput_ShouldAnswerBetterAuthsCodes()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var token = await ResetTokenFromMailAsync(user.Email);

        var noToken = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "a brand new password" });
        var unknownToken = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "a brand new password", token = "nope" });
        var tooShort = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "short", token });
        var tooLong = await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = new string('x', 129), token });
        var untrusted = await _client.PostJsonAsync("/api/auth/request-password-reset",
            new { email = user.Email, redirectTo = "https://evil.example/steal" });

        (await noToken.ErrorAsync()).Code.Should().Be("INVALID_TOKEN");
        (await unknownToken.ErrorAsync()).Code.Should().Be("INVALID_TOKEN");
        (await tooShort.ErrorAsync()).Code.Should().Be("PASSWORD_TOO_SHORT");
        (await tooLong.ErrorAsync()).Code.Should().Be("PASSWORD_TOO_LONG");
        untrusted.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await untrusted.ErrorAsync()).Code.Should().Be("INVALID_REDIRECT_URL");
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "no failed attempt spent the token or changed the password");
        (await _client.PostJsonAsync("/api/auth/reset-password", new { newPassword = "a brand new password", token }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerifyEmail_FollowingTheMailedLink_ShouldMarkTheAddressVerified()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var sent = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/send-verification-email", bearer: user.SessionToken,
            body: new { email = user.Email, callbackURL = "/verified" });

        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var link = new Uri(SmtpTestServer.LinkIn(await factory.Smtp.WaitForAsync(user.Email, "Confirm")));
        var followed = await _client.GetAsync(link.PathAndQuery);
        followed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        followed.Headers.Location!.ToString().Should().Be("/verified");
        var session = await (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: user.SessionToken)).JsonAsync();
        session.GetProperty("user").GetProperty("emailVerified").GetBoolean().Should().BeTrue();

        var again = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/send-verification-email", bearer: user.SessionToken,
            body: new { email = user.Email });
        (await again.ErrorAsync()).Code.Should().Be("EMAIL_ALREADY_VERIFIED");
    }

    [Fact]
    public async Task VerifyEmail_WithABadToken_ShouldRefuseOrRedirectWithTheError()
    {
        var bare = await _client.GetAsync("/api/auth/verify-email?token=not-a-jwt");
        var redirected = await _client.GetAsync("/api/auth/verify-email?token=not-a-jwt&callbackURL=%2Fdone");

        bare.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await bare.ErrorAsync()).Code.Should().Be("INVALID_TOKEN");
        redirected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirected.Headers.Location!.ToString().Should().Be("/done?error=INVALID_TOKEN");
    }

    [Fact]
    public async Task SendVerificationEmail_ForSomeoneElsesAddress_ShouldBeEmailMismatch()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/send-verification-email", bearer: user.SessionToken,
            body: new { email = AuthFlows.NewEmail() });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("EMAIL_MISMATCH");
    }

    [Fact]
    public async Task DeleteUser_WithTheWrongPassword_ShouldKeepTheAccount()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/delete-user", bearer: user.SessionToken,
            body: new { password = "not my password" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("INVALID_PASSWORD");
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteUser_WithThePassword_ShouldRemoveUserAccountsAndSessions()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var other = (await SignInAsync(user.Email, user.Password)).Header("set-auth-token")!;

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/delete-user", bearer: user.SessionToken,
            body: new { password = user.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("success").GetBoolean().Should().BeTrue();
        body.GetProperty("message").GetString().Should().Be("User deleted");
        foreach (var session in new[] { user.SessionToken, other })
        {
            (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: session)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
        (await db.Users.AnyAsync(u => u.Id == user.Id)).Should().BeFalse();
        (await db.Accounts.AnyAsync(a => a.UserId == user.Id)).Should().BeFalse();
        (await db.SessionRevocations.AnyAsync(r => r.UserId == user.Id && r.UserDeleted && r.SessionId == null)).Should().BeTrue();
    }

    [Fact]
    public async Task DeleteUser_WithoutPasswordOnAFreshSession_ShouldDelete()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/delete-user", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequireEmailVerification_ShouldKeepSignUpSignedOutAndSignInRefusedUntilTheLinkIsFollowed()
    {
        using var strict = new MailGatewayFactory(factory.Store!.Provider);
        strict.With("Auth:RequireEmailVerification", "true");
        var client = strict.CreateBareClient();
        var email = AuthFlows.NewEmail();

        var signUp = await client.PostJsonAsync("/api/auth/sign-up/email", new { name = "New", email, password = "correct horse battery" });
        var taken = await client.PostJsonAsync("/api/auth/sign-up/email", new { name = "New", email, password = "another password" });

        signUp.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signUp.JsonAsync()).GetProperty("token").ValueKind.Should().Be(JsonValueKind.Null);
        signUp.Header("set-auth-token").Should().BeNull();
        taken.StatusCode.Should().Be(HttpStatusCode.OK, "a taken address is not told apart from a new one");
        var refused = await client.PostJsonAsync("/api/auth/sign-in/email", new { email, password = "correct horse battery" });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.ErrorAsync()).Code.Should().Be("EMAIL_NOT_VERIFIED");

        var link = new Uri(SmtpTestServer.LinkIn(await strict.Smtp.WaitForAsync(email, "Confirm")));
        (await client.GetAsync(link.PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await client.PostJsonAsync("/api/auth/sign-in/email", new { email, password = "correct horse battery" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MailEndpoints_WithoutATransport_ShouldAnswerAsBetterAuthWithTheFeatureOff()
    {
        using var plain = new GatewayFactory(factory.Store!.Provider);
        var client = plain.CreateBareClient();

        var reset = await client.PostJsonAsync("/api/auth/request-password-reset", new { email = AuthFlows.NewEmail() });
        var verify = await client.PostJsonAsync("/api/auth/send-verification-email", new { email = AuthFlows.NewEmail() });

        reset.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reset.ErrorAsync()).Should().Be(("Reset password isn't enabled", "RESET_PASSWORD_DISABLED"));
        verify.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await verify.ErrorAsync()).Should().Be(("Verification email isn't enabled", "VERIFICATION_EMAIL_NOT_ENABLED"));
    }

    [Fact]
    public async Task MailEndpoints_BeyondThreeAMinuteForOneAddress_ShouldAnswer429WithRetryAfter()
    {
        using var limited = new MailGatewayFactory(factory.Store!.Provider);
        limited.With("RateLimiting:Enabled", "true");
        var client = limited.CreateBareClient();
        var email = AuthFlows.NewEmail();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.PostJsonAsync("/api/auth/request-password-reset", new { email }));
        }

        answers.Take(3).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        answers[3].StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        answers[3].Headers.RetryAfter.Should().NotBeNull();
        answers[3].Header("X-Retry-After").Should().NotBeNull();
    }
}
