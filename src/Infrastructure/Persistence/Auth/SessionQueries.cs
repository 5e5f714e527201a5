using Dapper;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>Sessions read with plain SQL: the lookup behind every authenticated gateway call, and a user's device list.</summary>
internal sealed class SessionQueries(StoreDataSource<AuthDbContext> store) : ISessionQueries
{
    private const string SessionColumns = """
        s."Id", s."UserId", s."ExpiresAt", s."CreatedAt", s."UpdatedAt", s."IpAddress", s."UserAgent", s."RememberMe"
        """;

    public async Task<ActiveSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<SessionRecord, UserDto, ActiveSession>(new CommandDefinition(
                $"""
                SELECT {SessionColumns},
                       u."Id", u."Name", u."Email", u."EmailVerified", u."Image", u."CreatedAt", u."UpdatedAt", u."TwoFactorEnabled"
                FROM sessions s JOIN users u ON u."Id" = s."UserId"
                WHERE s."TokenHash" = @tokenHash
                """, new { tokenHash }, cancellationToken: cancellationToken),
            (session, user) => new ActiveSession(session, user),
            splitOn: "Id");
        return found.FirstOrDefault();
    }

    public async Task<IReadOnlyList<SessionRecord>> ListLiveAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SessionRecord>(new CommandDefinition(
            $"""
            SELECT {SessionColumns} FROM sessions s
            WHERE s."UserId" = @userId AND s."ExpiresAt" > @now
            ORDER BY s."CreatedAt"
            """, new { userId, now }, cancellationToken: cancellationToken))).AsList();
    }
}
