using TodoClean.Application.Auth.Commands.VerifyBackupCode;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.VerifyBackupCode;

public sealed class VerifyBackupCodeCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenTheCodeIsRight_ShouldStartTheSession()
    {
        var enrolled = await EnrolAsync();

        var verified = await VerifyBackupCodeAsync(await ChallengeAsync(), enrolled.BackupCodes[3]);

        verified.Started.Should().BeTrue();
        (await FindSessionAsync(verified.Session.Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task Handle_WhenTheCodeWasUsedBefore_ShouldThrowInvalidBackupCode()
    {
        var enrolled = await EnrolAsync();
        await VerifyBackupCodeAsync(await ChallengeAsync(), enrolled.BackupCodes[0]);

        var reuse = async () => await VerifyBackupCodeAsync(await ChallengeAsync(), enrolled.BackupCodes[0]);

        (await reuse.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidBackupCode);
        (await VerifyBackupCodeAsync(await ChallengeAsync(), enrolled.BackupCodes[1])).Started.Should().BeTrue("the others still work");
    }

    [Fact]
    public async Task Handle_WhenTheCodeIsWrong_ShouldThrowInvalidBackupCodeAndStartNoSession()
    {
        var enrolled = await EnrolAsync();
        var challenge = await ChallengeAsync();

        var act = () => VerifyBackupCodeAsync(challenge, "AAAAA-AAAAA");

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidBackupCode);
        (await VerifyBackupCodeAsync(challenge, enrolled.BackupCodes[0])).Started.Should().BeTrue("one wrong code leaves four attempts");
    }

    [Fact]
    public async Task Handle_WhenASignedInUserUsesACode_ShouldKeepTheirSession()
    {
        var enrolled = await EnrolAsync();

        var verified = await SendAsync(new VerifyBackupCodeCommand(enrolled.Session, null, enrolled.BackupCodes[0], false, ClientInfo.Unknown));

        verified.Started.Should().BeFalse();
        verified.Session.Token.Should().Be(enrolled.Session);
    }
}
