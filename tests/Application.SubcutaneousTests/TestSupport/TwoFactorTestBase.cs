using OtpNet;
using TodoClean.Application.Auth.Commands.EnableTwoFactor;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Commands.VerifyBackupCode;
using TodoClean.Application.Auth.Commands.VerifyTotp;
using TodoClean.Application.Auth.Common;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.TestSupport;

/// <summary>
/// Two-factor arrangements: a user with a session, an enrolment confirmed with a code, and codes computed by the test
/// with Otp.NET at the test clock's time.
/// </summary>
public abstract class TwoFactorTestBase : HandlerTestBase
{
    protected const string Password = AuthRequests.Password;

    /// <summary>A user, their session, and (unless <paramref name="confirm"/> is false) two-factor sign-in turned on.</summary>
    protected async Task<Enrolled> EnrolAsync(bool confirm = true)
    {
        var user = await SeedAuthUserAsync(AuthRequests.Email, Password);
        var session = await SeedSessionAsync(user.Id);
        var enabled = await SendAsync(new EnableTwoFactorCommand(session, Password, null));
        var secret = SecretOf(enabled.TotpUri);
        if (confirm)
        {
            await SendAsync(new VerifyTotpCommand(session, null, CodeAt(secret, Now), false, ClientInfo.Unknown));
            Clock.Advance(TimeSpan.FromSeconds(30));
        }

        return new Enrolled(user, session, secret, enabled.BackupCodes);
    }

    /// <summary>Signs in with the password; the two-factor challenge token it answers with.</summary>
    protected async Task<string> ChallengeAsync(bool rememberMe = true, string? trustedDevice = null)
    {
        var result = await SendAsync(new SignInCommand(AuthRequests.Email, Password, rememberMe, ClientInfo.Unknown, trustedDevice));
        return result.ChallengeToken ?? throw new InvalidOperationException("Expected a two-factor challenge.");
    }

    protected Task<TwoFactorVerified> VerifyTotpAsync(string challenge, string code, bool trustDevice = false) =>
        SendAsync(new VerifyTotpCommand(null, challenge, code, trustDevice, ClientInfo.Unknown));

    protected Task<TwoFactorVerified> VerifyBackupCodeAsync(string challenge, string code, bool trustDevice = false) =>
        SendAsync(new VerifyBackupCodeCommand(null, challenge, code, trustDevice, ClientInfo.Unknown));

    protected static string CodeAt(string secret, DateTime time) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time);

    /// <summary>A six-digit code that is not the right one at <paramref name="time"/> (nor a step either side).</summary>
    protected static string WrongCodeAt(string secret, DateTime time)
    {
        var right = new[] { -30, 0, 30 }.Select(s => CodeAt(secret, time.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !right.Contains(c));
    }

    protected static string SecretOf(string totpUri) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(totpUri).Query)["secret"]!;

    protected sealed record Enrolled(User User, string Session, string Secret, IReadOnlyList<string> BackupCodes);
}
