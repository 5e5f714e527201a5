using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.RequestPasswordReset;

public sealed class RequestPasswordResetCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenTheAddressHasAnAccount_ShouldStoreTheTokensHashAndMailTheLink()
    {
        var user = await SeedAuthUserAsync();

        await SendAsync(AuthRequests.RequestPasswordReset(email: " Alice@Example.com ", callbackUrl: "/reset?x=1"));

        var mail = SentMail.Should().ContainSingle().Subject;
        mail.Kind.Should().Be(AuthMailKind.PasswordReset);
        mail.To.Should().Be(user.Email);
        mail.LinkExpiresAt.Should().Be(Now + Accounts.ResetPasswordTokenLifetime);
        mail.Link.Should().StartWith($"{AuthRequests.LinkBase}/reset-password/").And.EndWith("?callbackURL=%2Freset%3Fx%3D1");
        var token = mail.Link[(AuthRequests.LinkBase.Length + "/reset-password/".Length)..mail.Link.IndexOf('?')];
        await using var db = AuthDb();
        var stored = await db.PasswordResetTokens.SingleAsync();
        stored.TokenHash.Should().Be(SecureIds.HashToken(token)).And.NotBe(token);
        stored.UserId.Should().Be(user.Id);
        stored.ExpiresAt.Should().Be(Now + TimeSpan.FromHours(1));
        Logs.Entries.Should().NotContain(e => e.AllText.Contains(token), "the token is a credential: it never reaches a log");
    }

    [Fact]
    public async Task Handle_WhenTheAddressHasNoAccount_ShouldStoreAndSendNothing()
    {
        await SeedAuthUserAsync();

        await SendAsync(AuthRequests.RequestPasswordReset(email: "nobody@example.com"));

        SentMail.Should().BeEmpty();
        await using var db = AuthDb();
        (await db.PasswordResetTokens.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenNoMailTransportIsConfigured_ShouldThrowResetPasswordDisabled()
    {
        Mailer.SetupGet(m => m.Enabled).Returns(false);

        var act = () => SendAsync(AuthRequests.RequestPasswordReset());

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.ResetPasswordDisabled);
    }
}
