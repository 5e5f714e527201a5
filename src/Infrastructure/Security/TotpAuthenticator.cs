using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// TOTP with Otp.NET; secrets encrypted with ASP.NET Core Data Protection, whose key ring lives in the auth store so every
/// gateway instance can read what another wrote.
/// </summary>
internal sealed class TotpAuthenticator(IDataProtectionProvider protection) : ITotpAuthenticator
{
    private const int SecretBytes = 20;
    private const int Step = 30;
    private const int Digits = 6;

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private readonly IDataProtector _protector = protection.CreateProtector("TodoClean.TwoFactor.TotpSecret.v1");

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes)).TrimEnd('=');

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public string Uri(string secret, string issuer, string account) =>
        new OtpUri(OtpType.Totp, secret, account, issuer, OtpHashMode.Sha1, Digits, Step).ToString();

    public long? MatchStep(string secret, string code, DateTime now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret), Step, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now, code, out var step, Window) ? step : null;
    }
}
