using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.ResetPassword;

/// <summary>
/// Set a new password with the token of a mailed reset link. The token works once; with
/// <c>Auth:RevokeSessionsOnPasswordReset</c> (the default) every session of the user ends too.
/// </summary>
public sealed record ResetPasswordCommand(string? Token, string? NewPassword) : ICommand, ISensitiveRequest;
