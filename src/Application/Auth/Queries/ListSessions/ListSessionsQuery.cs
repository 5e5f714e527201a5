using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Queries.ListSessions;

/// <summary>
/// The caller's live sessions (their devices). Only the current session carries its real token; the others carry
/// their id as an opaque handle that <c>RevokeSession</c> accepts, so a leaked list cannot be replayed.
/// </summary>
public sealed record ListSessionsQuery(string? SessionToken) : IQuery<IReadOnlyList<SessionDto>>, ISensitiveRequest;
