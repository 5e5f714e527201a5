using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SignIn;

/// <summary>
/// Exchange email and password for a new session — or, when the user has two-factor sign-in on and
/// <see cref="TrustedDeviceToken"/> (from the trust-device cookie) is not a live trusted device of theirs, for a
/// two-factor challenge.
/// </summary>
public sealed record SignInCommand(
    string? Email, string? Password, bool RememberMe, ClientInfo Client, string? TrustedDeviceToken = null)
    : ICommand<SignInResult>, ISensitiveRequest;

/// <summary>
/// Either <see cref="Session"/> (signed in) or <see cref="ChallengeToken"/> (the second factor is needed: no session yet,
/// the token goes into the two-factor cookie). <see cref="TrustedDeviceToken"/> replaces the trust-device cookie's token,
/// and <see cref="ForgetTrustedDevice"/> says the cookie sent was of no use and should be cleared.
/// </summary>
public sealed record SignInResult(
    AuthSession? Session, string? ChallengeToken, IReadOnlyList<string> TwoFactorMethods, string? TrustedDeviceToken,
    bool ForgetTrustedDevice);
