using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Queries.GetSession;

public sealed class GetSessionQueryHandlerTests : HandlerTestBase
{
    public GetSessionQueryHandlerTests()
    {
        Sessions.SessionLifetime = TimeSpan.FromDays(7);
        Sessions.SessionUpdateAge = TimeSpan.FromDays(1);
        Sessions.ShortSessionLifetime = TimeSpan.FromDays(1);
    }

    [Fact]
    public async Task Handle_WhenSessionIsLive_ShouldReturnItWithItsUser()
    {
        var user = await SeedAuthUserAsync("alice@example.com", name: "Alice");
        var token = await SeedSessionAsync(user.Id);
        var startedAt = Now;
        Clock.Advance(TimeSpan.FromHours(1));

        var result = await SendAsync(new GetSessionQuery(token));

        result.Should().NotBeNull();
        result!.Token.Should().Be(token);
        result.Session.Token.Should().Be(token);
        result.Session.UserId.Should().Be(user.Id);
        result.Session.ExpiresAt.Should().Be(startedAt + TimeSpan.FromDays(7));
        result.User.Id.Should().Be(user.Id);
        result.User.Email.Should().Be("alice@example.com");
        result.User.Name.Should().Be("Alice");
        result.RememberMe.Should().BeTrue();
        result.Renewed.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WhenUpdateAgeHasPassed_ShouldRenewAndPersistTheNewExpiry()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var result = await SendAsync(new GetSessionQuery(token));

        result!.Renewed.Should().BeTrue();
        result.Session.ExpiresAt.Should().Be(Now + TimeSpan.FromDays(7));
        result.Session.UpdatedAt.Should().Be(Now);
        await using var db = AuthDb();
        (await db.Sessions.SingleAsync()).ExpiresAt.Should().Be(Now + TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Handle_WhenRenewedSessionIsUsedPastItsOriginalExpiry_ShouldStillBeLive()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromDays(6));
        await SendAsync(new GetSessionQuery(token));
        Clock.Advance(TimeSpan.FromDays(2));

        var result = await SendAsync(new GetSessionQuery(token));

        result.Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenRefreshIsDisabled_ShouldNotRenew()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        var originalExpiry = Now + TimeSpan.FromDays(7);
        Clock.Advance(TimeSpan.FromDays(2));

        var result = await SendAsync(new GetSessionQuery(token, DisableRefresh: true));

        result!.Renewed.Should().BeFalse();
        result.Session.ExpiresAt.Should().Be(originalExpiry);
        await using var db = AuthDb();
        (await db.Sessions.SingleAsync()).ExpiresAt.Should().Be(originalExpiry);
    }

    [Fact]
    public async Task Handle_WhenSessionIsNotRememberMe_ShouldNeverRenew()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id, rememberMe: false, lifetime: TimeSpan.FromDays(1));
        var originalExpiry = Now + TimeSpan.FromDays(1);
        Clock.Advance(TimeSpan.FromHours(23));

        var result = await SendAsync(new GetSessionQuery(token));

        result!.Renewed.Should().BeFalse();
        result.RememberMe.Should().BeFalse();
        result.Session.ExpiresAt.Should().Be(originalExpiry);
    }

    [Fact]
    public async Task Handle_WhenSessionHasExpired_ShouldReturnNullAndDeleteIt()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromDays(7));

        var result = await SendAsync(new GetSessionQuery(token));

        result.Should().BeNull();
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-real-session-token")]
    public async Task Handle_WhenTokenIsMissingOrUnknown_ShouldReturnNull(string? token)
    {
        var user = await SeedAuthUserAsync();
        await SeedSessionAsync(user.Id);

        var result = await SendAsync(new GetSessionQuery(token));

        result.Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenGivenTheStoredHashInsteadOfTheToken_ShouldReturnNull()
    {
        var user = await SeedAuthUserAsync();
        await SeedSessionAsync(user.Id);
        await using var db = AuthDb();
        var storedHash = (await db.Sessions.SingleAsync()).TokenHash;

        var result = await SendAsync(new GetSessionQuery(storedHash));

        result.Should().BeNull("a leaked sessions table must not be replayable");
    }
}
