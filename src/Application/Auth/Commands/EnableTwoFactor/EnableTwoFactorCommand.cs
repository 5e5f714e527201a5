using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.EnableTwoFactor;

/// <summary>
/// Start (or restart) the caller's authenticator enrolment after checking their password: a new TOTP secret and ten
/// backup codes. Two-factor sign-in is on only once a first code is verified (verify-totp with the session).
/// </summary>
public sealed record EnableTwoFactorCommand(string? SessionToken, string? Password, string? Issuer)
    : ICommand<EnableTwoFactorResult>, ISensitiveRequest;

/// <summary>The URI an authenticator app enrols from, and the backup codes, shown this once.</summary>
public sealed record EnableTwoFactorResult(string TotpUri, IReadOnlyList<string> BackupCodes);
