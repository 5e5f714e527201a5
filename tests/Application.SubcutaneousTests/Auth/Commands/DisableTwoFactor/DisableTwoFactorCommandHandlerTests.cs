using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Commands.DisableTwoFactor;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.DisableTwoFactor;

public sealed class DisableTwoFactorCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenPasswordIsRight_ShouldTurnItOffAndForgetTheSecretAndTrustedDevices()
    {
        var enrolled = await EnrolAsync();
        var verified = await VerifyTotpAsync(await ChallengeAsync(), CodeAt(enrolled.Secret, Now), trustDevice: true);

        var user = await SendAsync(new DisableTwoFactorCommand(enrolled.Session, Password));

        user.TwoFactorEnabled.Should().BeFalse();
        await using var db = AuthDb();
        (await db.TwoFactors.CountAsync()).Should().Be(0);
        (await db.TrustedDevices.CountAsync()).Should().Be(0);
        var signIn = await SendAsync(AuthRequests.SignIn() with { TrustedDeviceToken = verified.TrustedDeviceToken });
        signIn.Session.Should().NotBeNull("the password alone signs in again");
    }

    [Fact]
    public async Task Handle_WhenPasswordIsWrong_ShouldThrowInvalidPasswordAndKeepItOn()
    {
        var enrolled = await EnrolAsync();

        var act = () => SendAsync(new DisableTwoFactorCommand(enrolled.Session, "wrong password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).TwoFactorEnabled.Should().BeTrue();
    }
}
