using Mediator;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.RequestPasswordReset;

/// <summary>
/// Mail a password-reset link to <see cref="Email"/> if it has an account. The answer is the same either way, and so is
/// the work done on the way (one user lookup, one new token, one store statement; the mail goes out in the background).
/// The link is <c>{LinkBase}/reset-password/{token}?callbackURL={CallbackUrl}</c>.
/// </summary>
public sealed record RequestPasswordResetCommand(string? Email, string CallbackUrl, string LinkBase, ClientInfo Client) : ICommand;
