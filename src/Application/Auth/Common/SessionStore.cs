using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Persistence;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Common;

/// <summary>Starting and finding sessions: the one place that knows tokens are stored as hashes.</summary>
internal sealed class SessionStore(IAuthDbContext db, TimeProvider timeProvider, IOptions<SessionOptions> options)
{
    private readonly SessionOptions _options = options.Value;

    public DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    public TimeSpan Lifetime => _options.SessionLifetime;

    public TimeSpan UpdateAge => _options.SessionUpdateAge;

    /// <summary>Adds a new session for <paramref name="user"/> (not yet saved) and returns it with its raw token.</summary>
    public AuthSession Start(User user, bool rememberMe, ClientInfo client)
    {
        var token = SecureIds.NewSessionToken();
        var lifetime = rememberMe ? _options.SessionLifetime : Min(_options.ShortSessionLifetime, _options.SessionLifetime);
        var session = Session.Start(
            SecureIds.NewId(), SecureIds.HashToken(token), user.Id, Now, lifetime, rememberMe,
            client.IpAddress, client.UserAgent);
        db.Sessions.Add(session);
        return new AuthSession(token, SessionDto.From(session, token), UserDto.From(user), rememberMe);
    }

    /// <summary>
    /// The unexpired session behind <paramref name="token"/> and its user, tracked so it can be renewed; null when
    /// there is none. An expired session found on the way is deleted.
    /// </summary>
    public async Task<(Session Session, User User)?> FindLiveAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var context = (DbContext)db;
        var found = await FindByHash.For(context)(context, SecureIds.HashToken(token), cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.Session.IsExpired(Now))
        {
            db.Sessions.Remove(found.Session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        return (found.Session, found.User);
    }

    /// <summary>The live session behind <paramref name="token"/> and its user; Better Auth's 401 UNAUTHORIZED when none.</summary>
    public async Task<(Session Session, User User)> RequireLiveAsync(string? token, CancellationToken cancellationToken) =>
        await FindLiveAsync(token, cancellationToken) ?? throw new AuthException(AuthErrors.Unauthorized);

    /// <summary>Deletes the session behind <paramref name="token"/> at once; returns whether one existed.</summary>
    public async Task<bool> EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var hash = SecureIds.HashToken(token);
        return await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Every authenticated gateway call starts here (the silent refresh above all): compiled once, not translated per call.
    private static readonly CompiledPerModel<Func<DbContext, string, CancellationToken, Task<SessionAndUser?>>> FindByHash =
        new(() => EF.CompileAsyncQuery((DbContext context, string hash, CancellationToken _) => (
                from s in context.Set<Session>()
                join u in context.Set<User>() on s.UserId equals u.Id
                where s.TokenHash == hash
                select new SessionAndUser(s, u))
            .FirstOrDefault()));

    private sealed record SessionAndUser(Session Session, User User);
}
