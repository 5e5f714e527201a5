using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Commands.SignOut;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.SignOut;

public sealed class SignOutCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSessionIsLive_ShouldDeleteItAtOnce()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);

        var ended = await SendAsync(new SignOutCommand(token));

        ended.Should().BeTrue();
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(0);
        (await SendAsync(new GetSessionQuery(token))).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenUserHasOtherSessions_ShouldEndOnlyThisOne()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherToken = await SeedSessionAsync(user.Id);

        await SendAsync(new SignOutCommand(token));

        (await SendAsync(new GetSessionQuery(otherToken))).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenTokenIsUnknown_ShouldSucceedWithoutEndingAnything()
    {
        var user = await SeedAuthUserAsync();
        await SeedSessionAsync(user.Id);

        var ended = await SendAsync(new SignOutCommand("not-a-real-session-token"));

        ended.Should().BeFalse();
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Handle_WhenNoTokenIsSent_ShouldReturnFalse(string? token)
    {
        var ended = await SendAsync(new SignOutCommand(token));

        ended.Should().BeFalse();
    }
}
