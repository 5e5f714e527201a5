using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.CheckPasswordResetToken;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.ResetPassword;

public sealed class ResetPasswordCommandHandlerTests : HandlerTestBase
{
    private async Task<string> SeedResetTokenAsync(string userId, TimeSpan? lifetime = null)
    {
        var token = SecureIds.NewSessionToken();
        await using var db = AuthDb();
        db.PasswordResetTokens.Add(PasswordResetToken.Issue(SecureIds.HashToken(token), userId, Now, lifetime ?? TimeSpan.FromHours(1)));
        await db.SaveChangesAsync();
        return token;
    }

    [Fact]
    public async Task Handle_WithALiveToken_ShouldSetThePasswordSpendTheTokenAndEndEverySessionThroughTheFeed()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);
        var token = await SeedResetTokenAsync(user.Id);

        await SendAsync(AuthRequests.ResetPassword(token, "a brand new password"));

        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf("a brand new password"));
        (await db.PasswordResetTokens.CountAsync()).Should().Be(0);
        (await FindSessionAsync(session)).Should().BeNull();
        (await db.SessionRevocations.Where(r => r.UserId == user.Id).CountAsync()).Should().Be(1,
            "the ended session is in the revocation feed, so the API refuses its JWTs");
    }

    [Fact]
    public async Task Handle_WhenRevokingIsOff_ShouldKeepTheSessions()
    {
        Accounts.RevokeSessionsOnPasswordReset = false;
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);
        var token = await SeedResetTokenAsync(user.Id);

        await SendAsync(AuthRequests.ResetPassword(token));

        (await FindSessionAsync(session)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WithATokenUsedBefore_ShouldThrowInvalidToken()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedResetTokenAsync(user.Id);
        await SendAsync(AuthRequests.ResetPassword(token, "first new password"));

        var act = () => SendAsync(AuthRequests.ResetPassword(token, "second new password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidToken);
        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf("first new password"));
    }

    [Fact]
    public async Task Handle_WithAnExpiredToken_ShouldThrowInvalidTokenAndChangeNothing()
    {
        var user = await SeedAuthUserAsync(password: "old password 1");
        var token = await SeedResetTokenAsync(user.Id);
        Clock.Advance(TimeSpan.FromHours(1));

        var act = () => SendAsync(AuthRequests.ResetPassword(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidToken);
        (await SendAsync(new CheckPasswordResetTokenQuery(token))).Should().BeFalse();
        await using var db = AuthDb();
        (await db.Accounts.SingleAsync()).PasswordHash.Should().Be(HashOf("old password 1"));
    }

    [Fact]
    public async Task Handle_WithAnotherUsersToken_ShouldResetOnlyThatUsersPassword()
    {
        var alice = await SeedAuthUserAsync("alice@example.com", "alice password");
        var bob = await SeedAuthUserAsync("bob@example.com", "bob password 1");
        var bobsToken = await SeedResetTokenAsync(bob.Id);

        await SendAsync(AuthRequests.ResetPassword(bobsToken, "chosen by whoever"));

        await using var db = AuthDb();
        (await db.Accounts.SingleAsync(a => a.UserId == alice.Id)).PasswordHash.Should().Be(HashOf("alice password"));
        (await db.Accounts.SingleAsync(a => a.UserId == bob.Id)).PasswordHash.Should().Be(HashOf("chosen by whoever"));
    }

    [Fact]
    public async Task Handle_WithoutAToken_ShouldThrowInvalidTokenBeforeLookingAtThePassword()
    {
        var act = () => SendAsync(AuthRequests.ResetPassword(null, "short"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidToken);
    }

    [Fact]
    public async Task CheckQuery_WithALiveToken_ShouldSayYesWithoutSpendingIt()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedResetTokenAsync(user.Id);

        (await SendAsync(new CheckPasswordResetTokenQuery(token))).Should().BeTrue();
        (await SendAsync(new CheckPasswordResetTokenQuery(token))).Should().BeTrue();
        (await SendAsync(new CheckPasswordResetTokenQuery("unknown"))).Should().BeFalse();
    }
}
