using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Sessions;

namespace TodoClean.Application.Auth.Common;

/// <summary>
/// Starting, finding, renewing and ending sessions: the one place that knows tokens are stored as hashes. Lookups go
/// through the read side (<see cref="ISessionQueries"/>); the few writes are single statements that cannot collide with
/// a parallel request into an error: deleting a row that is already gone, or renewing one another request renewed or
/// ended first, simply changes nothing.
/// </summary>
internal sealed class SessionStore(
    IAuthDbContext db, ISessionQueries queries, SessionRenewal renewal, ITokenIssuer tokens, TimeProvider timeProvider,
    IOptions<SessionOptions> options)
{
    private readonly SessionOptions _options = options.Value;

    public DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Adds a new session for <paramref name="user"/> (not yet saved) and returns it with its raw token.</summary>
    public AuthSession Start(UserDto user, bool rememberMe, ClientInfo client)
    {
        var token = SecureIds.NewSessionToken();
        var lifetime = rememberMe ? _options.SessionLifetime : Min(_options.ShortSessionLifetime, _options.SessionLifetime);
        var session = Session.Start(
            SecureIds.NewId(), SecureIds.HashToken(token), user.Id, Now, lifetime, rememberMe,
            client.IpAddress, client.UserAgent);
        db.Sessions.Add(session);
        return new AuthSession(token, SessionDto.From(session, token), user, rememberMe);
    }

    /// <summary>
    /// The live session behind <paramref name="token"/> with its user, or null. An expired session found on the way is
    /// deleted. Unless <paramref name="refresh"/> is false, a session due for renewal is renewed (sliding expiry, once per
    /// <c>Auth:SessionUpdateAge</c>) and recorded in <see cref="SessionRenewal"/> so its cookie is re-sent.
    /// </summary>
    public async Task<AuthSession?> FindLiveAsync(string? token, CancellationToken cancellationToken, bool refresh = true)
    {
        if (string.IsNullOrEmpty(token) || await queries.FindByTokenHashAsync(SecureIds.HashToken(token), cancellationToken)
                is not var (session, user))
        {
            return null;
        }

        var now = Now;
        if (now >= session.ExpiresAt)
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (refresh && await RenewAsync(session, now, cancellationToken) is { } renewed)
        {
            var live = new AuthSession(token, SessionDto.From(renewed, token), user, renewed.RememberMe, Renewed: true);
            renewal.Record(live);
            return live;
        }

        return new AuthSession(token, SessionDto.From(session, token), user, session.RememberMe);
    }

    /// <summary>The live session behind <paramref name="token"/> and its user; Better Auth's 401 UNAUTHORIZED when none.</summary>
    public async Task<AuthSession> RequireLiveAsync(string? token, CancellationToken cancellationToken) =>
        await FindLiveAsync(token, cancellationToken) ?? throw new AuthException(AuthErrors.Unauthorized);

    /// <summary>Ends the session behind <paramref name="token"/> at once (<see cref="EndAsync(Expression{Func{Session, bool}}, CancellationToken)"/>); returns whether one existed.</summary>
    public async Task<bool> EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var hash = SecureIds.HashToken(token);
        return (await EndAsync(s => s.TokenHash == hash, cancellationToken)).Count > 0;
    }

    /// <summary>
    /// Ends the sessions <paramref name="which"/> selects, in one transaction: deleted, so they stop working at once, and
    /// recorded in the revocation feed, so the API refuses the JWTs already minted from them within seconds. Returns
    /// the ended sessions' ids.
    /// </summary>
    public Task<IReadOnlyList<string>> EndAsync(Expression<Func<Session, bool>> which, CancellationToken cancellationToken) =>
        db.InTransactionAsync(token => EndInTransactionAsync(which, token), cancellationToken);

    /// <summary>
    /// <see cref="EndAsync(Expression{Func{Session, bool}}, CancellationToken)"/> as one step of a larger write: the caller
    /// runs it inside its own <see cref="IAuthDbContext.InTransactionAsync{T}"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndInTransactionAsync(
        Expression<Func<Session, bool>> which, CancellationToken cancellationToken)
    {
        var ended = await db.Sessions.Where(which).Select(s => new { s.Id, s.UserId }).ToListAsync(cancellationToken);
        if (ended.Count == 0)
        {
            return [];
        }

        // By id, not by the filter again: a session started meanwhile is not ended unrecorded.
        var ids = ended.Select(s => s.Id).ToList();
        await db.Sessions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var now = Now;
        db.SessionRevocations.AddRange(ended.Select(s => SessionRevocation.ForSession(s.Id, s.UserId, now, tokens.Lifetime)));
        await db.SaveChangesAsync(cancellationToken);

        // Records whose tokens have all expired refuse nothing any more: the feed stays as small as the revocations of
        // one token lifetime.
        await db.SessionRevocations.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return ids;
    }

    /// <summary>
    /// Pushes the expiry out when the session is due; one conditional update, so of several requests racing to renew the
    /// same session exactly one does, and a session ended meanwhile is not revived. Null when nothing was renewed.
    /// </summary>
    private async Task<SessionRecord?> RenewAsync(SessionRecord session, DateTime now, CancellationToken cancellationToken)
    {
        if (Session.RenewedExpiry(session.ExpiresAt, session.RememberMe, now, _options.SessionLifetime, _options.SessionUpdateAge)
            is not { } expiresAt)
        {
            return null;
        }

        var renewed = await db.Sessions
            .Where(s => s.Id == session.Id && s.ExpiresAt == session.ExpiresAt)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        return renewed == 1 ? session with { ExpiresAt = expiresAt, UpdatedAt = now } : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
