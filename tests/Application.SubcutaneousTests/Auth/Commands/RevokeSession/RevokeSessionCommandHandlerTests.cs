using TodoClean.Application.Auth.Commands.RevokeSession;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.RevokeSession;

public sealed class RevokeSessionCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenGivenAnotherOwnSessionsToken_ShouldEndItAndKeepTheCurrentOne()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);

        var endedOwn = await SendAsync(new RevokeSessionCommand(token, otherDevice));

        endedOwn.Should().BeFalse();
        (await FindSessionAsync(otherDevice)).Should().BeNull();
        (await FindSessionAsync(token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenGivenTheHandleFromTheSessionList_ShouldEndThatSession()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);
        var handle = (await FindSessionAsync(otherDevice))!.Id;

        await SendAsync(new RevokeSessionCommand(token, handle));

        (await FindSessionAsync(otherDevice)).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenGivenTheCurrentSession_ShouldEndItAndSaySo()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);

        var endedOwn = await SendAsync(new RevokeSessionCommand(token, token));

        endedOwn.Should().BeTrue();
        (await FindSessionAsync(token)).Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenGivenAnotherUsersSession_ShouldDoNothing()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var stranger = await SeedAuthUserAsync("bob@example.com");
        var strangersToken = await SeedSessionAsync(stranger.Id);
        var strangersHandle = (await FindSessionAsync(strangersToken))!.Id;

        var byToken = await SendAsync(new RevokeSessionCommand(token, strangersToken));
        var byHandle = await SendAsync(new RevokeSessionCommand(token, strangersHandle));

        byToken.Should().BeFalse();
        byHandle.Should().BeFalse();
        (await FindSessionAsync(strangersToken)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenTokenIsUnknown_ShouldReturnFalse()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);

        var endedOwn = await SendAsync(new RevokeSessionCommand(token, "no-such-session"));

        endedOwn.Should().BeFalse();
        (await FindSessionAsync(token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenCallersSessionIsNotLive_ShouldThrowUnauthorized()
    {
        var user = await SeedAuthUserAsync();
        var target = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(new RevokeSessionCommand("not-a-real-session-token", target));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        (await FindSessionAsync(target)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndChangeNothing()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var otherDevice = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(new RevokeSessionCommand(token, Token: null));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("token");
        (await FindSessionAsync(token)).Should().NotBeNull();
        (await FindSessionAsync(otherDevice)).Should().NotBeNull();
    }
}
