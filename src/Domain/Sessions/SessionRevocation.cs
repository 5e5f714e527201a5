using TodoClean.Domain.Common;

namespace TodoClean.Domain.Sessions;

/// <summary>
/// A record that JWTs minted before some moment must no longer be accepted: those of one ended session (<see cref="SessionId"/>
/// set), or every one of a user issued before <see cref="IssuedBefore"/> (no session id). The API keeps the unexpired
/// records in memory and refuses the tokens they name; a record is useless once every token it names has expired
/// anyway (<see cref="ExpiresAt"/>), and is then dropped.
/// </summary>
public sealed class SessionRevocation
{
    private SessionRevocation()
    {
    }

    /// <summary>Assigned by the store, increasing: the position in the feed the API instances follow.</summary>
    public long Sequence { get; private set; }

    public string? SessionId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    /// <summary>For a user-wide record: tokens issued before this moment are refused. Null for a session record.</summary>
    public DateTime? IssuedBefore { get; private set; }

    /// <summary>When the last token this record names expires: after it, the record refuses nothing more.</summary>
    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// A user-wide record written because the account was deleted: besides refusing the user's tokens, every API instance
    /// that reads it forgets what it keeps of that user (their todos and mirror).
    /// </summary>
    public bool UserDeleted { get; private set; }

    /// <summary>Session <paramref name="sessionId"/> ended at <paramref name="now"/>; its tokens live at most <paramref name="tokenLifetime"/>.</summary>
    public static SessionRevocation ForSession(string sessionId, string userId, DateTime now, TimeSpan tokenLifetime) => new()
    {
        SessionId = Required(sessionId, nameof(sessionId)),
        UserId = Required(userId, nameof(userId)),
        CreatedAt = Guard.Utc(now),
        ExpiresAt = now + tokenLifetime,
    };

    /// <summary>Every token of <paramref name="userId"/> issued before <paramref name="now"/> is refused (e.g. the account was deleted).</summary>
    public static SessionRevocation ForUser(string userId, DateTime now, TimeSpan tokenLifetime) => new()
    {
        UserId = Required(userId, nameof(userId)),
        IssuedBefore = Guard.Utc(now),
        CreatedAt = now,
        ExpiresAt = now + tokenLifetime,
    };

    /// <summary>
    /// The account of <paramref name="userId"/> was deleted at <paramref name="now"/>: every token issued before is refused,
    /// and the record stays in the feed for <paramref name="keepFor"/> (at least the token lifetime), so an API instance
    /// that was down meanwhile still learns of the deletion when it comes back.
    /// </summary>
    public static SessionRevocation ForDeletedUser(string userId, DateTime now, TimeSpan tokenLifetime, TimeSpan keepFor) => new()
    {
        UserId = Required(userId, nameof(userId)),
        IssuedBefore = Guard.Utc(now),
        CreatedAt = now,
        ExpiresAt = now + (keepFor > tokenLifetime ? keepFor : tokenLifetime),
        UserDeleted = true,
    };

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A revocation names a session and a user.", name) : value;
}
