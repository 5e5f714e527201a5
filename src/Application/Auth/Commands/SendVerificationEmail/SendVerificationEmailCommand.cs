using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SendVerificationEmail;

/// <summary>
/// Mail a verification link for <see cref="Email"/>. Signed in, it must be the caller's own unverified address; signed out,
/// the answer is the same whether the address has an unverified account, a verified one or none (only the first gets
/// mail). The link is <c>{LinkBase}/verify-email?token={token}&amp;callbackURL={CallbackUrl}</c>.
/// </summary>
public sealed record SendVerificationEmailCommand(
    string? Email, string CallbackUrl, string LinkBase, string? SessionToken, ClientInfo Client) : ICommand, ISensitiveRequest;
