using Mediator;

namespace TodoClean.Application.Auth.Queries.GetRevocations;

/// <summary>
/// The revocation feed the API instances follow: the unexpired records after position <see cref="After"/> (0: all of
/// them), plus every record written in the last few seconds again, so a record whose write committed after a later one
/// is never skipped. Applying a record twice changes nothing.
/// </summary>
public sealed record GetRevocationsQuery(long After) : IQuery<RevocationFeed>
{
    /// <summary>Records written this recently are sent again whatever the cursor: the longest a revocation's write may take to commit.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    /// <summary>At most this many records per answer; <see cref="RevocationFeed.More"/> says to ask again at once.</summary>
    public const int PageSize = 1000;
}

/// <summary>One answer of the feed: records in feed order, the position to ask from next time, and whether more wait.</summary>
public sealed record RevocationFeed(IReadOnlyList<RevocationEntry> Entries, long Cursor, bool More);

/// <summary>
/// JWTs to refuse until <see cref="ExpiresAt"/>: those of session <see cref="SessionId"/>, or, without a session id, every
/// one of user <see cref="UserId"/> issued before <see cref="IssuedBefore"/>. <see cref="UserDeleted"/>: the account is
/// gone, and the API forgets what it keeps of the user.
/// </summary>
public sealed record RevocationEntry(
    long Sequence, string? SessionId, string UserId, DateTime? IssuedBefore, DateTime ExpiresAt, bool UserDeleted = false);
