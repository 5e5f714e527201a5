using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.Auth.Queries.ListSessions;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Queries.ListSessions;

public sealed class ListSessionsQueryHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSessionIsFresh_ShouldListTheUsersLiveSessionsOldestFirst()
    {
        var user = await SeedAuthUserAsync();
        var older = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var token = await SeedSessionAsync(user.Id);
        var stranger = await SeedAuthUserAsync("bob@example.com");
        await SeedSessionAsync(stranger.Id);

        var sessions = await SendAsync(new ListSessionsQuery(token));

        sessions.Select(s => s.Id).Should().Equal((await FindSessionAsync(older))!.Id, (await FindSessionAsync(token))!.Id);
        sessions.Should().OnlyContain(s => s.UserId == user.Id);
    }

    [Fact]
    public async Task Handle_WhenListing_ShouldRevealOnlyTheCurrentSessionsToken()
    {
        var user = await SeedAuthUserAsync();
        var otherDevice = await SeedSessionAsync(user.Id);
        var token = await SeedSessionAsync(user.Id);
        var otherId = (await FindSessionAsync(otherDevice))!.Id;

        var sessions = await SendAsync(new ListSessionsQuery(token));

        sessions.Single(s => s.Id != otherId).Token.Should().Be(token);
        sessions.Single(s => s.Id == otherId).Token.Should().Be(otherId).And.NotBe(otherDevice);
    }

    [Fact]
    public async Task Handle_WhenAnotherSessionHasExpired_ShouldLeaveItOut()
    {
        var user = await SeedAuthUserAsync();
        await SeedSessionAsync(user.Id, lifetime: TimeSpan.FromHours(1));
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromHours(2));

        var sessions = await SendAsync(new ListSessionsQuery(token));

        sessions.Should().ContainSingle().Which.Token.Should().Be(token);
    }

    [Fact]
    public async Task Handle_WhenSessionIsOlderThanTheFreshAge_ShouldThrowSessionNotFresh()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(Sessions.FreshAge);

        var act = () => SendAsync(new ListSessionsQuery(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.SessionNotFresh);
    }

    [Fact]
    public async Task Handle_WhenSessionWasRenewedButSignedInLongAgo_ShouldStillThrowSessionNotFresh()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(Sessions.SessionUpdateAge + TimeSpan.FromHours(1));
        (await SendAsync(new GetSessionQuery(token)))!.Renewed.Should().BeTrue();

        var act = () => SendAsync(new ListSessionsQuery(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.SessionNotFresh);
    }

    [Fact]
    public async Task Handle_WhenSessionIsUnknown_ShouldThrowUnauthorized()
    {
        var act = () => SendAsync(new ListSessionsQuery("not-a-real-session-token"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }
}
