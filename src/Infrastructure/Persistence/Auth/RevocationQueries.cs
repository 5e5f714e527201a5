using Dapper;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>The revocation feed, read in sequence order with plain SQL.</summary>
internal sealed class RevocationQueries(StoreDataSource<AuthDbContext> store) : IRevocationQueries
{
    public async Task<IReadOnlyList<RevocationEntry>> ListAsync(
        long after, DateTime recentSince, DateTime now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<RevocationEntry>(new CommandDefinition(
            """
            SELECT "Sequence", "SessionId", "UserId", "IssuedBefore", "ExpiresAt", "UserDeleted" FROM session_revocations
            WHERE "ExpiresAt" > @now AND ("Sequence" > @after OR "CreatedAt" >= @recentSince)
            ORDER BY "Sequence"
            LIMIT @limit
            """, new { after, recentSince, now, limit }, cancellationToken: cancellationToken))).AsList();
    }
}
