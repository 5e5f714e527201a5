using Microsoft.EntityFrameworkCore;
using Moq;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.SignIn;

public sealed class SignInCommandHandlerTests : HandlerTestBase
{
    private const string Password = "correct horse battery";
    private static readonly ClientInfo Client = new("198.51.100.4", "Mozilla/5.0 (test)");

    [Fact]
    public async Task Handle_WhenCredentialsAreRight_ShouldStartANewSession()
    {
        var user = await SeedAuthUserAsync("alice@example.com", Password, "Alice");

        var result = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password, rememberMe: true, client: Client));

        result.User.Id.Should().Be(user.Id);
        result.User.Name.Should().Be("Alice");
        result.Token.Should().HaveLength(SecureIds.SessionTokenLength);
        result.Session.UserId.Should().Be(user.Id);
        result.Session.ExpiresAt.Should().Be(Now + Sessions.SessionLifetime);
        result.Session.IpAddress.Should().Be("198.51.100.4");
        await using var db = AuthDb();
        var session = await db.Sessions.SingleAsync();
        session.Id.Should().Be(result.Session.Id);
        session.TokenHash.Should().Be(SecureIds.HashToken(result.Token)).And.NotBe(result.Token);
    }

    [Fact]
    public async Task Handle_WhenEmailDiffersInCaseAndSpaces_ShouldStillFindTheUser()
    {
        var user = await SeedAuthUserAsync("alice@example.com", Password);

        var result = await SignInAsync(AuthRequests.SignIn("  ALICE@Example.com ", Password));

        result.User.Id.Should().Be(user.Id);
    }

    [Fact]
    public async Task Handle_WhenSignedInTwice_ShouldIssueADifferentTokenEachTime()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var first = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password));
        var second = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password));

        second.Token.Should().NotBe(first.Token);
        second.Session.Id.Should().NotBe(first.Session.Id);
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenPasswordIsWrong_ShouldThrowInvalidEmailOrPasswordAndStartNoSession()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var act = () => SendAsync(AuthRequests.SignIn("alice@example.com", "wrong password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidEmailOrPassword);
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenEmailIsUnknown_ShouldStillVerifyAgainstADummyHashAndFailTheSameWay()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var act = () => SendAsync(AuthRequests.SignIn("nobody@example.com", "some password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidEmailOrPassword);
        PasswordHasher.Verify(h => h.VerifyAsync(null, "some password", It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Handle_WhenEmailIsUnknownOrPasswordWrong_ShouldBeIndistinguishable()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var unknown = await CatchAsync(AuthRequests.SignIn("nobody@example.com", Password));
        var wrong = await CatchAsync(AuthRequests.SignIn("alice@example.com", "wrong password"));

        unknown.Error.Should().Be(wrong.Error);
        unknown.Message.Should().Be(wrong.Message);
        PasswordHasher.Verify(
            h => h.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Handle_WhenPasswordIsTooShort_ShouldFailAsInvalidCredentialsNotAsValidation()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var act = () => SendAsync(AuthRequests.SignIn("alice@example.com", "short"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidEmailOrPassword);
    }

    [Fact]
    public async Task Handle_WhenHasherAsksForRehash_ShouldStoreAFreshHash()
    {
        await SeedAuthUserAsync("alice@example.com", Password);
        Clock.Advance(TimeSpan.FromDays(30));
        PasswordHasher
            .Setup(h => h.VerifyAsync(HashOf(Password), Password, It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordCheck.SuccessRehashNeeded);
        PasswordHasher
            .Setup(h => h.HashAsync(Password, It.IsAny<CancellationToken>()))
            .ReturnsAsync("stronger-hash");

        await SendAsync(AuthRequests.SignIn("alice@example.com", Password));

        await using var db = AuthDb();
        var account = await db.Accounts.SingleAsync();
        account.PasswordHash.Should().Be("stronger-hash");
        account.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WhenHashIsCurrent_ShouldNotRehash()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        await SendAsync(AuthRequests.SignIn("alice@example.com", Password));

        PasswordHasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf(Password));
    }

    [Fact]
    public async Task Handle_WhenRememberMeIsFalse_ShouldStartAShortSession()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var result = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password, rememberMe: false));

        result.RememberMe.Should().BeFalse();
        result.Session.ExpiresAt.Should().Be(Now + Sessions.ShortSessionLifetime);
    }

    [Fact]
    public async Task Handle_WhenShortLifetimeIsLongerThanTheSessionLifetime_ShouldUseTheSessionLifetime()
    {
        Sessions.SessionLifetime = TimeSpan.FromHours(2);
        Sessions.ShortSessionLifetime = TimeSpan.FromDays(1);
        await SeedAuthUserAsync("alice@example.com", Password);

        var result = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password, rememberMe: false));

        result.Session.ExpiresAt.Should().Be(Now + TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Handle_WhenEmailIsMalformed_ShouldFailValidationWithInvalidEmailBeforeHashing()
    {
        var act = () => SendAsync(AuthRequests.SignIn(email: "alice-at-example.com"));

        var thrown = await act.Should().ThrowAsync<ValidationException>();
        thrown.Which.Errors.Should().ContainKey("email");
        thrown.Which.Failures.Should().ContainSingle().Which.ErrorCode.Should().Be(AuthErrors.InvalidEmailCode);
        PasswordHasher.Verify(
            h => h.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndStartNoSession()
    {
        await SeedAuthUserAsync("alice@example.com", Password);

        var act = () => SendAsync(AuthRequests.SignIn(email: null, password: null));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("email", "password");
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenSigningIn_ShouldNeverLogThePasswordOrTheToken()
    {
        await SeedAuthUserAsync("alice@example.com", Password);
        await CatchAsync(AuthRequests.SignIn("alice@example.com", "wrong-but-secret"));

        var result = await SignInAsync(AuthRequests.SignIn("alice@example.com", Password));

        Logs.Entries.Should().NotBeEmpty();
        Logs.Entries.Should().NotContain(e => e.AllText.Contains(Password, StringComparison.Ordinal));
        Logs.Entries.Should().NotContain(e => e.AllText.Contains("wrong-but-secret", StringComparison.Ordinal));
        Logs.Entries.Should().NotContain(e => e.AllText.Contains(result.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_WhenTwoFactorIsOn_ShouldAnswerWithAChallengeAndStartNoSession()
    {
        var user = await SeedAuthUserAsync("alice@example.com", Password);
        await using (var db = AuthDb())
        {
            (await db.Users.SingleAsync()).SetTwoFactor(true, Now);
            await db.SaveChangesAsync();
        }

        var result = await SendAsync(AuthRequests.SignIn("alice@example.com", Password));

        result.Session.Should().BeNull();
        result.ChallengeToken.Should().HaveLength(SecureIds.SessionTokenLength);
        await using var check = AuthDb();
        (await check.Sessions.CountAsync()).Should().Be(0);
        var challenge = await check.TwoFactorChallenges.SingleAsync();
        challenge.UserId.Should().Be(user.Id);
        challenge.TokenHash.Should().Be(SecureIds.HashToken(result.ChallengeToken!));
        challenge.ExpiresAt.Should().Be(Now.AddMinutes(10));
    }

    private async Task<AuthSession> SignInAsync(SignInCommand command) =>
        (await SendAsync(command)).Session ?? throw new InvalidOperationException("Expected a session, got a two-factor challenge.");

    private async Task<AuthException> CatchAsync(SignInCommand command)
    {
        var act = () => SendAsync(command);
        return (await act.Should().ThrowAsync<AuthException>()).Which;
    }

    [Fact]
    public async Task Handle_WhenVerificationIsRequiredAndTheAddressIsUnverified_ShouldThrowEmailNotVerified()
    {
        Accounts.RequireEmailVerification = true;
        await SeedAuthUserAsync();

        var act = () => SendAsync(AuthRequests.SignIn());

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.EmailNotVerified);
    }

    [Fact]
    public async Task Handle_WhenVerificationIsRequiredAndThePasswordIsWrong_ShouldStillSayInvalidEmailOrPassword()
    {
        Accounts.RequireEmailVerification = true;
        await SeedAuthUserAsync();

        var act = () => SendAsync(AuthRequests.SignIn(password: "not my password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidEmailOrPassword);
    }
}
