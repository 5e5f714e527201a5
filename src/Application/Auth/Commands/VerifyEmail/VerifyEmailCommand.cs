using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.VerifyEmail;

/// <summary>
/// Mark an address verified with the token of a mailed verification link. Following a link again changes nothing; every
/// failure is a 401 (<c>INVALID_TOKEN</c>, <c>TOKEN_EXPIRED</c>, <c>USER_NOT_FOUND</c>).
/// </summary>
public sealed record VerifyEmailCommand(string? Token) : ICommand, ISensitiveRequest;
