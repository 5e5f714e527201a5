namespace TodoClean.Application.Auth.Queries.GetRevocations;

/// <summary>The auth store's read side for the revocation feed.</summary>
public interface IRevocationQueries
{
    /// <summary>
    /// Records still unexpired at <paramref name="now"/> that come after <paramref name="after"/> or were written since
    /// <paramref name="recentSince"/>, in feed order, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<RevocationEntry>> ListAsync(
        long after, DateTime recentSince, DateTime now, int limit, CancellationToken cancellationToken);
}
