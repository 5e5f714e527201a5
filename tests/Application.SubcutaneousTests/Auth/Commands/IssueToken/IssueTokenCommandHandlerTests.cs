using Microsoft.EntityFrameworkCore;
using Moq;
using TodoClean.Application.Auth.Commands.IssueToken;
using TodoClean.Application.Auth.Commands.SignOut;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.IssueToken;

public sealed class IssueTokenCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSessionIsLive_ShouldIssueATokenForItsUserAndSessionEndingNoLaterThanTheSession()
    {
        var user = await SeedAuthUserAsync("alice@example.com", name: "Alice");
        var token = await SeedSessionAsync(user.Id);
        await using var db = AuthDb();
        var session = await db.Sessions.SingleAsync();
        var sessionId = session.Id;
        var minted = new AccessToken("minted.jwt", Now.AddMinutes(15));
        TokenIssuer.Setup(i => i.Issue(It.IsAny<TokenSubject>())).Returns(minted);

        var result = await SendAsync(new IssueTokenCommand(token));

        result.Should().Be(minted);
        TokenIssuer.Verify(
            i => i.Issue(new TokenSubject(user.Id, sessionId, "alice@example.com", "Alice", EmailVerified: false, Image: null,
                session.ExpiresAt)), Times.Once());
    }

    [Fact]
    public async Task Handle_WhenTokenIsUnknown_ShouldThrowUnauthorizedAndIssueNothing()
    {
        var act = () => SendAsync(new IssueTokenCommand("not-a-real-session-token"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        TokenIssuer.Verify(i => i.Issue(It.IsAny<TokenSubject>()), Times.Never());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Handle_WhenNoTokenIsSent_ShouldThrowUnauthorized(string? token)
    {
        var act = () => SendAsync(new IssueTokenCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }

    [Fact]
    public async Task Handle_WhenSessionHasExpired_ShouldThrowUnauthorizedAndDeleteTheSession()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id, lifetime: TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(1));

        var act = () => SendAsync(new IssueTokenCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        TokenIssuer.Verify(i => i.Issue(It.IsAny<TokenSubject>()), Times.Never());
        await using var db = AuthDb();
        (await db.Sessions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenSessionWasSignedOut_ShouldThrowUnauthorized()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);
        await SendAsync(new SignOutCommand(token));

        var act = () => SendAsync(new IssueTokenCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }
}
