using Dapper;
using TodoClean.Application.Users.Common;
using TodoClean.Application.Users.Queries.GetMe;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Todos;

/// <summary>The API's mirror of users, read by id.</summary>
internal sealed class TodoUserQueries(StoreDataSource<TodoDbContext> store) : IUserQueries
{
    public async Task<MeDto?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MeDto>(new CommandDefinition(
            """SELECT "Id", "Email", "Name", "CreatedAt" FROM users WHERE "Id" = @id""", new { id }, cancellationToken: cancellationToken));
    }
}
