using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Queries.CheckPasswordResetToken;

/// <summary>Whether a password-reset link's token still works (unused, unexpired). Reading it does not use it up.</summary>
public sealed record CheckPasswordResetTokenQuery(string? Token) : IQuery<bool>, ISensitiveRequest;
