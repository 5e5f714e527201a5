using TodoClean.Application.Auth.Commands.GenerateBackupCodes;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.GenerateBackupCodes;

public sealed class GenerateBackupCodesCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenTwoFactorIsOn_ShouldReplaceTheCodes()
    {
        var enrolled = await EnrolAsync();

        var codes = await SendAsync(new GenerateBackupCodesCommand(enrolled.Session, Password));

        codes.Should().HaveCount(10).And.NotIntersectWith(enrolled.BackupCodes);
        var challenge = await ChallengeAsync();
        var oldCode = () => VerifyBackupCodeAsync(challenge, enrolled.BackupCodes[0]);
        (await oldCode.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidBackupCode);
        (await VerifyBackupCodeAsync(challenge, codes[0])).Started.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WhenTwoFactorIsOff_ShouldThrowTwoFactorNotEnabled()
    {
        var enrolled = await EnrolAsync(confirm: false);

        var act = () => SendAsync(new GenerateBackupCodesCommand(enrolled.Session, Password));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.TwoFactorNotEnabled);
    }

    [Fact]
    public async Task Handle_WhenPasswordIsWrong_ShouldThrowInvalidPassword()
    {
        var enrolled = await EnrolAsync();

        var act = () => SendAsync(new GenerateBackupCodesCommand(enrolled.Session, "wrong password"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
    }
}
