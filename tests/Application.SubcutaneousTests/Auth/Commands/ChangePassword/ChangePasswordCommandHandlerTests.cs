using Microsoft.EntityFrameworkCore;
using Moq;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandHandlerTests : HandlerTestBase
{
    private const string OldPassword = "old password 1";
    private const string NewPassword = "new password 2";

    [Fact]
    public async Task Handle_WhenCurrentPasswordIsRight_ShouldStoreTheNewHashAndKeepTheSessions()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromHours(1));

        var result = await SendAsync(AuthRequests.ChangePassword(token, OldPassword, NewPassword, revokeOtherSessions: false));

        result.User.Id.Should().Be(user.Id);
        result.NewSession.Should().BeNull();
        await using var db = AuthDb();
        var account = await db.Accounts.SingleAsync();
        account.PasswordHash.Should().Be(HashOf(NewPassword));
        account.UpdatedAt.Should().Be(Now);
        (await FindSessionAsync(token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenCurrentPasswordIsWrong_ShouldThrowInvalidPasswordAndKeepTheOldHash()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.ChangePassword(token, currentPassword: "not my password", revokeOtherSessions: true));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf(OldPassword));
        (await FindSessionAsync(token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenRevokingOtherSessions_ShouldEndEveryOldSessionAndStartAFreshOne()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);
        var stranger = await SeedAuthUserAsync("bob@example.com");
        var strangersToken = await SeedSessionAsync(stranger.Id);

        var result = await SendAsync(AuthRequests.ChangePassword(token, OldPassword, NewPassword, revokeOtherSessions: true));

        result.NewSession.Should().NotBeNull();
        result.NewSession!.Token.Should().NotBe(token).And.NotBe(otherDevice);
        result.NewSession.Session.UserId.Should().Be(user.Id);
        (await FindSessionAsync(token)).Should().BeNull();
        (await FindSessionAsync(otherDevice)).Should().BeNull();
        (await FindSessionAsync(result.NewSession.Token)).Should().NotBeNull();
        (await FindSessionAsync(strangersToken)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenRevokingFromANotRememberedSession_ShouldStartANotRememberedOne()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id, rememberMe: false, lifetime: Sessions.ShortSessionLifetime);

        var result = await SendAsync(AuthRequests.ChangePassword(token, OldPassword, NewPassword, revokeOtherSessions: true));

        result.NewSession!.RememberMe.Should().BeFalse();
        result.NewSession.Session.ExpiresAt.Should().Be(Now + Sessions.ShortSessionLifetime);
    }

    [Fact]
    public async Task Handle_WhenSessionIsUnknown_ShouldThrowUnauthorizedWithoutCheckingThePassword()
    {
        var act = () => SendAsync(AuthRequests.ChangePassword("not-a-real-session-token"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        PasswordHasher.Verify(
            h => h.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Handle_WhenUserHasNoCredentialAccount_ShouldThrowCredentialAccountNotFound()
    {
        var user = User.Create(SecureIds.NewId(), "social@example.com", "Social", image: null, Now);
        await using (var db = AuthDb())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var token = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.ChangePassword(token, OldPassword, NewPassword, revokeOtherSessions: false));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.CredentialAccountNotFound);
    }

    [Fact]
    public async Task Handle_WhenNewPasswordIsTooShort_ShouldFailValidationWithoutHashing()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.ChangePassword(token, OldPassword, newPassword: "short"));

        var thrown = (await act.Should().ThrowAsync<ValidationException>()).Which;
        thrown.Errors.Keys.Should().Equal("newPassword");
        thrown.Failures.Should().ContainSingle().Which.ErrorCode.Should().Be(AuthErrors.PasswordTooShortCode);
        PasswordHasher.Verify(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndChangeNothing()
    {
        var user = await SeedAuthUserAsync(password: OldPassword);
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(
            AuthRequests.ChangePassword(token, currentPassword: null, newPassword: null, revokeOtherSessions: true));

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Keys.Should().BeEquivalentTo("currentPassword", "newPassword");
        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf(OldPassword));
        (await FindSessionAsync(token)).Should().NotBeNull();
        (await FindSessionAsync(otherDevice)).Should().NotBeNull();
    }
}
