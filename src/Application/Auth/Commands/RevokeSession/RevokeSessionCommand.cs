using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevokeSession;

/// <summary>
/// End one of the caller's sessions, named by its token or by the handle <c>ListSessions</c> gave. Unknown or foreign
/// tokens are a silent no-op. Returns whether the caller's own session was the one ended.
/// </summary>
public sealed record RevokeSessionCommand(string? SessionToken, string? Token) : ICommand<bool>, ISensitiveRequest;
