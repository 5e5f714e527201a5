using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.SendVerificationEmail;

public sealed class SendVerificationEmailCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenSignedInWithTheOwnUnverifiedAddress_ShouldMailALinkWithTheToken()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        await SendAsync(AuthRequests.SendVerificationEmail(user.Email, session, "/welcome"));

        var mail = SentMail.Should().ContainSingle().Subject;
        mail.Kind.Should().Be(AuthMailKind.EmailVerification);
        mail.Link.Should().StartWith($"{AuthRequests.LinkBase}/verify-email?token=vt-").And.EndWith("&callbackURL=%2Fwelcome");
        var token = mail.Link.Split("token=")[1].Split('&')[0];
        var read = await VerificationTokens.ReadAsync(token);
        read.Should().Be(new EmailVerificationToken(EmailVerificationTokenState.Valid, user.Email, user.Id));
    }

    [Fact]
    public async Task Handle_WhenSignedInWithAnotherAddress_ShouldThrowEmailMismatch()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.SendVerificationEmail("someone@example.com", session));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.EmailMismatch);
        SentMail.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenSignedOut_ShouldMailOnlyAnUnverifiedAccountAndAnswerTheSameForAll()
    {
        var user = await SeedAuthUserAsync();

        await SendAsync(AuthRequests.SendVerificationEmail("nobody@example.com"));
        SentMail.Should().BeEmpty();
        VerificationTokens.IssuedCount.Should().Be(1, "the same work is done for an unknown address");

        await SendAsync(AuthRequests.SendVerificationEmail(user.Email));
        SentMail.Should().ContainSingle().Which.To.Should().Be(user.Email);
    }

    [Fact]
    public async Task Handle_WhenNoMailTransportIsConfigured_ShouldThrowVerificationEmailNotEnabled()
    {
        Mailer.SetupGet(m => m.Enabled).Returns(false);

        var act = () => SendAsync(AuthRequests.SendVerificationEmail());

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.VerificationEmailNotEnabled);
    }
}
