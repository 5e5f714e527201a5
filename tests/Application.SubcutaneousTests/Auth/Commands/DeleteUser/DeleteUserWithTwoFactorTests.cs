using Microsoft.EntityFrameworkCore;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.DeleteUser;

public sealed class DeleteUserWithTwoFactorTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_ForAUserWithTwoFactorOn_ShouldRemoveTheSecretTheOpenChallengeAndTheTrustedDevices()
    {
        var enrolled = await EnrolAsync();
        var verified = await VerifyTotpAsync(await ChallengeAsync(), CodeAt(enrolled.Secret, Now), trustDevice: true);
        await ChallengeAsync();

        await SendAsync(AuthRequests.DeleteUser(verified.Session.Token, Password));

        await using var db = AuthDb();
        (await db.Users.AnyAsync()).Should().BeFalse();
        (await db.TwoFactors.AnyAsync()).Should().BeFalse();
        (await db.TwoFactorChallenges.AnyAsync()).Should().BeFalse();
        (await db.TrustedDevices.AnyAsync()).Should().BeFalse();
    }
}
