using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.ChangePassword;

/// <summary>
/// Replace the caller's password after checking the current one. With <see cref="RevokeOtherSessions"/> every session
/// ends (the current one too, as in Better Auth) and a fresh one is started and returned.
/// </summary>
public sealed record ChangePasswordCommand(
    string? SessionToken, string? CurrentPassword, string? NewPassword, bool RevokeOtherSessions, ClientInfo Client)
    : ICommand<ChangePasswordResult>, ISensitiveRequest;

/// <summary>The user after the change, and the new session when the others were revoked.</summary>
public sealed record ChangePasswordResult(UserDto User, AuthSession? NewSession);
