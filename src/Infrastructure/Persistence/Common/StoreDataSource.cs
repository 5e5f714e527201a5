using System.Data.Common;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// The connections of one store (<typeparamref name="TContext"/> names it), for its read side. On PostgreSQL it is the
/// same <c>NpgsqlDataSource</c> — one pool — that EF Core writes through; on SQLite, Microsoft.Data.Sqlite's own pool.
/// </summary>
internal sealed class StoreDataSource<TContext>(DbDataSource source, StoreDialect dialect) : IAsyncDisposable
{
    public DbDataSource Source { get; } = source;

    public StoreDialect Dialect { get; } = dialect;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await Source.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}

/// <summary>The few places where the stores' SQL differs.</summary>
internal sealed record StoreDialect(DatabaseProvider Provider);
