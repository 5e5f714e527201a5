using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Commands.VerifyTotp;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.VerifyTotp;

public sealed class VerifyTotpCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenASignedInUserConfirmsTheFirstCode_ShouldTurnTwoFactorOnAndKeepTheSession()
    {
        var enrolled = await EnrolAsync(confirm: false);

        var verified = await SendAsync(new VerifyTotpCommand(
            enrolled.Session, null, CodeAt(enrolled.Secret, Now), false, ClientInfo.Unknown));

        verified.Started.Should().BeFalse();
        verified.Session.Token.Should().Be(enrolled.Session);
        verified.Session.User.TwoFactorEnabled.Should().BeTrue();
        await using var db = AuthDb();
        (await db.TwoFactors.SingleAsync()).Verified.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WhenTheFirstCodeIsWrong_ShouldThrowInvalidCodeAndLeaveTwoFactorOff()
    {
        var enrolled = await EnrolAsync(confirm: false);

        var act = () => SendAsync(new VerifyTotpCommand(
            enrolled.Session, null, WrongCodeAt(enrolled.Secret, Now), false, ClientInfo.Unknown));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidCode);
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).TwoFactorEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WhenTheSignInCodeIsRight_ShouldStartTheSessionAndEndTheChallenge()
    {
        var enrolled = await EnrolAsync();
        var challenge = await ChallengeAsync(rememberMe: false);

        var verified = await VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now));

        verified.Started.Should().BeTrue();
        verified.Session.User.Id.Should().Be(enrolled.User.Id);
        verified.Session.RememberMe.Should().BeFalse("the challenge keeps the sign-in's remember-me");
        (await FindSessionAsync(verified.Session.Token)).Should().NotBeNull();
        var again = () => VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now.AddSeconds(30)));
        (await again.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidTwoFactorCookie);
    }

    [Fact]
    public async Task Handle_WhenACodeIsReplayed_ShouldThrowInvalidCode()
    {
        var enrolled = await EnrolAsync();
        var code = CodeAt(enrolled.Secret, Now);
        await VerifyTotpAsync(await ChallengeAsync(), code);

        var replay = async () => await VerifyTotpAsync(await ChallengeAsync(), code);

        (await replay.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidCode);
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public async Task Handle_WhenTheCodeIsFromANeighbouringStep_ShouldAcceptOnlyOneStepEitherSide(int offsetSeconds, bool accepted)
    {
        var enrolled = await EnrolAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        var challenge = await ChallengeAsync();

        var act = () => VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now.AddSeconds(offsetSeconds)));

        if (accepted)
        {
            (await act()).Started.Should().BeTrue();
        }
        else
        {
            (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidCode);
        }
    }

    [Fact]
    public async Task Handle_WhenFiveWrongCodesWereTried_ShouldEndTheChallengeEvenForTheRightCode()
    {
        var enrolled = await EnrolAsync();
        var challenge = await ChallengeAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = () => VerifyTotpAsync(challenge, WrongCodeAt(enrolled.Secret, Now));
            (await wrong.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidCode);
        }

        var sixth = () => VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now));
        var seventh = () => VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now));

        (await sixth.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.TooManyAttemptsRequestNewCode);
        (await seventh.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidTwoFactorCookie);
        await using var db = AuthDb();
        (await db.Sessions.CountAsync(s => s.UserId == enrolled.User.Id)).Should().Be(1, "only the enrolment's session");
    }

    [Fact]
    public async Task Handle_WhenTenSignInCodesInARowWereWrong_ShouldLockTheSecondFactorForFifteenMinutes()
    {
        var enrolled = await EnrolAsync();
        var challenges = new[] { await ChallengeAsync(), await ChallengeAsync() };
        for (var i = 0; i < 10; i++)
        {
            var wrong = () => VerifyTotpAsync(challenges[i / 5], WrongCodeAt(enrolled.Secret, Now));
            await wrong.Should().ThrowAsync<AuthException>();
        }

        var locked = async () => await VerifyTotpAsync(await ChallengeAsync(), CodeAt(enrolled.Secret, Now));
        (await locked.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.AccountTemporarilyLocked);

        Clock.Advance(TimeSpan.FromMinutes(16));
        (await VerifyTotpAsync(await ChallengeAsync(), CodeAt(enrolled.Secret, Now))).Started.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WhenTheChallengeExpired_ShouldThrowInvalidTwoFactorCookie()
    {
        var enrolled = await EnrolAsync();
        var challenge = await ChallengeAsync();
        Clock.Advance(TimeSpan.FromMinutes(11));

        var act = () => VerifyTotpAsync(challenge, CodeAt(enrolled.Secret, Now));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidTwoFactorCookie);
    }

    [Fact]
    public async Task Handle_WhenThereIsNeitherSessionNorChallenge_ShouldThrowInvalidTwoFactorCookie()
    {
        var enrolled = await EnrolAsync();

        var act = () => VerifyTotpAsync(SecureIds.NewSessionToken(), CodeAt(enrolled.Secret, Now));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidTwoFactorCookie);
    }

    [Fact]
    public async Task Handle_WhenTheDeviceIsTrusted_ShouldLetTheNextSignInSkipTheCodeOncePerToken()
    {
        var enrolled = await EnrolAsync();
        var verified = await VerifyTotpAsync(await ChallengeAsync(), CodeAt(enrolled.Secret, Now), trustDevice: true);

        var next = await SendAsync(AuthRequests.SignIn() with { TrustedDeviceToken = verified.TrustedDeviceToken });
        var reused = await SendAsync(AuthRequests.SignIn() with { TrustedDeviceToken = verified.TrustedDeviceToken });

        verified.TrustedDeviceToken.Should().NotBeNull();
        next.Session.Should().NotBeNull();
        next.TrustedDeviceToken.Should().NotBeNull().And.NotBe(verified.TrustedDeviceToken);
        reused.Session.Should().BeNull("a trusted-device token works once, then its replacement does");
        reused.ChallengeToken.Should().NotBeNull();
        reused.ForgetTrustedDevice.Should().BeTrue();
    }

    [Fact]
    public async Task Handle_WhenTheCodeIsLoggedAbout_ShouldNeverLogTheCodeOrSecret()
    {
        var enrolled = await EnrolAsync();
        var code = CodeAt(enrolled.Secret, Now);

        await VerifyTotpAsync(await ChallengeAsync(), code);

        Logs.Entries.Should().NotContain(e => e.AllText.Contains(enrolled.Secret, StringComparison.Ordinal));
        Logs.Entries.Should().NotContain(e => e.AllText.Contains($"\"{code}\"", StringComparison.Ordinal));
    }
}
