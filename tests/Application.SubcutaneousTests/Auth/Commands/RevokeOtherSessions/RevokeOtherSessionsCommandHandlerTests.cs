using TodoClean.Application.Auth.Commands.RevokeOtherSessions;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.RevokeOtherSessions;

public sealed class RevokeOtherSessionsCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSessionIsLive_ShouldEndOnlyTheUsersOtherSessions()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);
        var thirdDevice = await SeedSessionAsync(user.Id);
        var stranger = await SeedAuthUserAsync("bob@example.com");
        var strangersToken = await SeedSessionAsync(stranger.Id);

        await SendAsync(new RevokeOtherSessionsCommand(token));

        (await FindSessionAsync(token)).Should().NotBeNull();
        (await FindSessionAsync(otherDevice)).Should().BeNull();
        (await FindSessionAsync(thirdDevice)).Should().BeNull();
        (await FindSessionAsync(strangersToken)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenSessionHasExpired_ShouldThrowUnauthorizedAndEndNothingElse()
    {
        var user = await SeedAuthUserAsync();
        var expired = await SeedSessionAsync(user.Id, lifetime: TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(2));
        var otherDevice = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(new RevokeOtherSessionsCommand(expired));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        (await FindSessionAsync(otherDevice)).Should().NotBeNull();
    }
}
