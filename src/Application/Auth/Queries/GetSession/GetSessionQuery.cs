using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Queries.GetSession;

/// <summary>
/// The live session behind <see cref="SessionToken"/> with its user, or null. Unless <see cref="DisableRefresh"/>,
/// a session in use is renewed once per <c>Auth:SessionUpdateAge</c> (sliding expiry).
/// </summary>
public sealed record GetSessionQuery(string? SessionToken, bool DisableRefresh = false)
    : IQuery<AuthSession?>, ISensitiveRequest;
