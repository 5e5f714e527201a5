using Dapper;
using TodoClean.Application.Auth.Queries.CheckPasswordResetToken;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>Password-reset links, read side: whether a token's hash is stored and unexpired.</summary>
internal sealed class PasswordResetQueries(StoreDataSource<AuthDbContext> store) : IPasswordResetQueries
{
    public async Task<bool> IsLiveAsync(string tokenHash, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM password_reset_tokens WHERE "TokenHash" = @tokenHash AND "ExpiresAt" > @now
            """, new { tokenHash, now }, cancellationToken: cancellationToken)) > 0;
    }
}
