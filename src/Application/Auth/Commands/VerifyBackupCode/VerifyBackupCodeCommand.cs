using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.VerifyBackupCode;

/// <summary>Use one backup code instead of an authenticator code; a code works once.</summary>
public sealed record VerifyBackupCodeCommand(
    string? SessionToken, string? ChallengeToken, string? Code, bool TrustDevice, ClientInfo Client)
    : ICommand<TwoFactorVerified>, ISensitiveRequest;
