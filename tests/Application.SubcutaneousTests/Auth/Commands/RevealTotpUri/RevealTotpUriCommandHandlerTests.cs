using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Commands.RevealTotpUri;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.RevealTotpUri;

public sealed class RevealTotpUriCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenEnrolled_ShouldReturnTheSameSecret()
    {
        var enrolled = await EnrolAsync();

        var uri = await SendAsync(new RevealTotpUriCommand(enrolled.Session, Password));

        SecretOf(uri).Should().Be(enrolled.Secret);
    }

    [Fact]
    public async Task Handle_WhenNotEnrolled_ShouldThrowTotpNotEnabled()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(new RevealTotpUriCommand(session, Password));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.TotpNotEnabled);
    }

    [Fact]
    public async Task Handle_WhenPasswordIsWrong_ShouldThrowInvalidPassword()
    {
        var enrolled = await EnrolAsync();

        var act = () => SendAsync(new RevealTotpUriCommand(enrolled.Session, "wrong password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
    }
}
