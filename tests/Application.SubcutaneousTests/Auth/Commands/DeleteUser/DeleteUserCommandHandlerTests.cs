using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.DeleteUser;

public sealed class DeleteUserCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WithThePassword_ShouldRemoveUserAccountSessionsAndRecordAUserWideDeletion()
    {
        var user = await SeedAuthUserAsync(password: "my password 1");
        var session = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);
        var bob = await SeedAuthUserAsync("bob@example.com");
        var bobsSession = await SeedSessionAsync(bob.Id);
        Clock.Advance(TimeSpan.FromDays(2));

        await SendAsync(AuthRequests.DeleteUser(session, "my password 1"));

        await using var db = AuthDb();
        (await db.Users.AnyAsync(u => u.Id == user.Id)).Should().BeFalse();
        (await db.Accounts.AnyAsync(a => a.UserId == user.Id)).Should().BeFalse();
        (await FindSessionAsync(session)).Should().BeNull();
        (await FindSessionAsync(otherDevice)).Should().BeNull();
        (await FindSessionAsync(bobsSession)).Should().NotBeNull();
        var deletion = await db.SessionRevocations.SingleAsync(r => r.UserId == user.Id && r.SessionId == null);
        deletion.UserDeleted.Should().BeTrue();
        deletion.IssuedBefore.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WithTheWrongPassword_ShouldThrowInvalidPasswordAndKeepEverything()
    {
        var user = await SeedAuthUserAsync(password: "my password 1");
        var session = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.DeleteUser(session, "not my password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
        (await FindSessionAsync(session)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WithoutPasswordOnAStaleSession_ShouldThrowSessionExpired()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);
        Clock.Advance(Sessions.FreshAge);

        var act = () => SendAsync(AuthRequests.DeleteUser(session, password: null));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.SessionExpired);
    }

    [Fact]
    public async Task Handle_WithoutPasswordOnAFreshSession_ShouldDelete()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        await SendAsync(AuthRequests.DeleteUser(session, password: null));

        await using var db = AuthDb();
        (await db.Users.AnyAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WithoutASession_ShouldThrowUnauthorized()
    {
        var act = () => SendAsync(AuthRequests.DeleteUser("no-such-session"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }
}
