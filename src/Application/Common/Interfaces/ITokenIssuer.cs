namespace TodoClean.Application.Common.Interfaces;

/// <summary>Mints the short-lived JWT the todo API accepts.</summary>
public interface ITokenIssuer
{
    /// <summary>How long a minted token lives: the longest a token can outlive the moment its session ends.</summary>
    TimeSpan Lifetime { get; }

    AccessToken Issue(TokenSubject subject);
}

/// <summary>
/// What a JWT says about its holder. Nothing secret belongs here. <paramref name="SessionExpiresAt"/>, when given, caps the
/// token's <c>exp</c>: a token never outlives the session it came from.
/// </summary>
public sealed record TokenSubject(
    string UserId, string SessionId, string Email, string Name, bool EmailVerified, string? Image,
    DateTime? SessionExpiresAt = null);

public sealed record AccessToken(string Token, DateTime ExpiresAt);
