using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Commands.VerifyEmail;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.VerifyEmail;

public sealed class VerifyEmailCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WithAValidToken_ShouldMarkTheAddressVerifiedAndStayIdempotent()
    {
        var user = await SeedAuthUserAsync();
        var token = VerificationTokens.Issue(user.Email, user.Id, TimeSpan.FromHours(1));

        await SendAsync(new VerifyEmailCommand(token));
        await SendAsync(new VerifyEmailCommand(token));

        await using var db = AuthDb();
        (await db.Users.SingleAsync()).EmailVerified.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WithAnExpiredToken_ShouldThrowTokenExpired()
    {
        var user = await SeedAuthUserAsync();
        var token = VerificationTokens.Issue(user.Email, user.Id, TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(1));

        var act = () => SendAsync(new VerifyEmailCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.VerificationTokenExpired);
    }

    [Fact]
    public async Task Handle_WithATokenOfAnEarlierAccountOfTheSameAddress_ShouldThrowInvalidToken()
    {
        var user = await SeedAuthUserAsync();
        var token = VerificationTokens.Issue(user.Email, "an-earlier-account", TimeSpan.FromHours(1));

        var act = () => SendAsync(new VerifyEmailCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.VerificationTokenInvalid);
    }

    [Fact]
    public async Task Handle_ForAnAddressWithoutAccount_ShouldThrowUserNotFound()
    {
        var token = VerificationTokens.Issue("gone@example.com", "gone", TimeSpan.FromHours(1));

        var act = () => SendAsync(new VerifyEmailCommand(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.VerificationUserNotFound);
    }

    [Fact]
    public async Task Handle_WithGarbage_ShouldThrowInvalidToken()
    {
        var act = () => SendAsync(new VerifyEmailCommand("garbage"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.VerificationTokenInvalid);
    }
}
