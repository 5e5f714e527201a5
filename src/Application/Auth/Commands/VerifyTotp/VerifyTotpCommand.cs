using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.VerifyTotp;

/// <summary>
/// Check an authenticator code: with a session, it confirms the enrolment and turns two-factor sign-in on; with a
/// sign-in challenge (<see cref="ChallengeToken"/>, from the signed two-factor cookie), it finishes the sign-in.
/// </summary>
public sealed record VerifyTotpCommand(
    string? SessionToken, string? ChallengeToken, string? Code, bool TrustDevice, ClientInfo Client)
    : ICommand<TwoFactorVerified>, ISensitiveRequest;
