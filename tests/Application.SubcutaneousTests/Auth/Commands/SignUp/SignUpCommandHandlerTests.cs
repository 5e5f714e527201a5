using Microsoft.EntityFrameworkCore;
using Moq;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.SignUp;

public sealed class SignUpCommandHandlerTests : HandlerTestBase
{
    private static readonly ClientInfo Client = new("198.51.100.4", "Mozilla/5.0 (test)");

    [Fact]
    public async Task Handle_WhenValid_ShouldCreateTheUserWithAHashedCredential()
    {
        var result = (await SendAsync(AuthRequests.SignUp(name: "Alice", email: "alice@example.com", password: "correct horse"))).Session!;

        await using var db = AuthDb();
        var user = await db.Users.SingleAsync();
        user.Id.Should().Be(result.User.Id);
        user.Name.Should().Be("Alice");
        user.Email.Should().Be("alice@example.com");
        user.CreatedAt.Should().Be(Now);
        var account = await db.Accounts.SingleAsync();
        account.UserId.Should().Be(user.Id);
        account.ProviderId.Should().Be(Account.CredentialProvider);
        account.PasswordHash.Should().Be(HashOf("correct horse"));
    }

    [Fact]
    public async Task Handle_WhenValid_ShouldSignTheNewUserInWithAStoredHashedSession()
    {
        var result = (await SendAsync(AuthRequests.SignUp(email: "alice@example.com", rememberMe: true, client: Client))).Session!;

        result.Token.Should().HaveLength(SecureIds.SessionTokenLength);
        result.Session.Token.Should().Be(result.Token);
        result.Session.UserId.Should().Be(result.User.Id);
        result.Session.ExpiresAt.Should().Be(Now + Sessions.SessionLifetime);
        result.RememberMe.Should().BeTrue();
        result.User.Email.Should().Be("alice@example.com");
        result.User.EmailVerified.Should().BeFalse();
        await using var db = AuthDb();
        var session = await db.Sessions.SingleAsync();
        session.Id.Should().Be(result.Session.Id);
        session.TokenHash.Should().Be(SecureIds.HashToken(result.Token)).And.NotBe(result.Token);
        session.IpAddress.Should().Be("198.51.100.4");
        session.UserAgent.Should().Be("Mozilla/5.0 (test)");
    }

    [Fact]
    public async Task Handle_WhenEmailHasCapitalsAndSpaces_ShouldStoreItNormalised()
    {
        var result = (await SendAsync(AuthRequests.SignUp(email: "  Alice@Example.COM "))).Session!;

        result.User.Email.Should().Be("alice@example.com");
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).Email.Should().Be("alice@example.com");
    }

    [Fact]
    public async Task Handle_WhenEmailIsAlreadyRegisteredInAnotherCase_ShouldThrowUserAlreadyExists()
    {
        await SeedAuthUserAsync("alice@example.com");

        var act = () => SendAsync(AuthRequests.SignUp(email: " ALICE@example.com"));

        var thrown = await act.Should().ThrowAsync<AuthException>();
        thrown.Which.Error.Should().Be(AuthErrors.UserAlreadyExists);
        thrown.Which.Error.Code.Should().Be("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
        await using var db = AuthDb();
        (await db.Users.CountAsync()).Should().Be(1);
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenRememberMeIsFalse_ShouldStartAShortSession()
    {
        var result = (await SendAsync(AuthRequests.SignUp(rememberMe: false))).Session!;

        result.RememberMe.Should().BeFalse();
        result.Session.ExpiresAt.Should().Be(Now + Sessions.ShortSessionLifetime);
        await using var db = AuthDb();
        (await db.Sessions.SingleAsync()).RememberMe.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WhenImageIsGiven_ShouldKeepIt()
    {
        var result = (await SendAsync(AuthRequests.SignUp(image: "https://example.com/a.png"))).Session!;

        result.User.Image.Should().Be("https://example.com/a.png");
    }

    [Fact]
    public async Task Handle_WhenPasswordIsTooShort_ShouldFailValidationWithoutHashing()
    {
        var act = () => SendAsync(AuthRequests.SignUp(password: "short"));

        var thrown = await act.Should().ThrowAsync<ValidationException>();
        thrown.Which.Errors.Should().ContainKey("password").WhoseValue.Should().ContainSingle();
        thrown.Which.Failures.Should().ContainSingle().Which.ErrorCode.Should().Be(AuthErrors.PasswordTooShortCode);
        PasswordHasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        await using var db = AuthDb();
        (await db.Users.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenPasswordIsHuge_ShouldFailValidationWithoutHashing()
    {
        var act = () => SendAsync(AuthRequests.SignUp(password: new string('p', 1 << 20)));

        var thrown = await act.Should().ThrowAsync<ValidationException>();
        thrown.Which.Failures.Should().ContainSingle().Which.ErrorCode.Should().Be(AuthErrors.PasswordTooLongCode);
        PasswordHasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndStoreNothing()
    {
        var act = () => SendAsync(AuthRequests.SignUp(name: null, email: "not-an-email", password: null));

        var thrown = await act.Should().ThrowAsync<ValidationException>();
        thrown.Which.Errors.Keys.Should().BeEquivalentTo("name", "email", "password");
        await using var db = AuthDb();
        (await db.Users.CountAsync()).Should().Be(0);
        (await db.Accounts.CountAsync()).Should().Be(0);
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenVerificationIsRequired_ShouldCreateTheAccountWithoutASession()
    {
        Accounts.RequireEmailVerification = true;

        var result = await SendAsync(AuthRequests.SignUp());

        result.Created.Should().BeTrue();
        result.Session.Should().BeNull();
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).EmailVerified.Should().BeFalse();
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenVerificationIsRequiredAndTheAddressIsTaken_ShouldAnswerLikeANewAccount()
    {
        Accounts.RequireEmailVerification = true;
        var existing = await SeedAuthUserAsync();

        var result = await SendAsync(AuthRequests.SignUp());

        result.Created.Should().BeFalse();
        result.Session.Should().BeNull();
        result.User.Id.Should().NotBe(existing.Id);
        result.User.Email.Should().Be(existing.Email);
        await using var db = AuthDb();
        (await db.Users.CountAsync()).Should().Be(1);
    }
}
