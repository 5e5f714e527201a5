using TodoClean.Application.Auth.Commands.RevokeSessions;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.RevokeSessions;

public sealed class RevokeSessionsCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSessionIsLive_ShouldEndEverySessionOfTheUserIncludingTheCurrentOne()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);
        var stranger = await SeedAuthUserAsync("bob@example.com");
        var strangersToken = await SeedSessionAsync(stranger.Id);

        await SendAsync(new RevokeSessionsCommand(token));

        (await FindSessionAsync(token)).Should().BeNull();
        (await FindSessionAsync(otherDevice)).Should().BeNull();
        (await FindSessionAsync(strangersToken)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenSessionIsUnknown_ShouldThrowUnauthorized()
    {
        var act = () => SendAsync(new RevokeSessionsCommand("not-a-real-session-token"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }
}
