using Npgsql;

namespace TodoClean.TestCommon;

/// <summary>
/// One host's store for one test: a SQLite file in the host's temporary directory, or a fresh database on the shared
/// throwaway PostgreSQL server (<see cref="PostgresServer.Shared"/>). The host's migrations create the schema at start.
/// </summary>
public sealed class TestStore : IDisposable
{
    private TestStore(StoreProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqliteFile = sqliteFile;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>A new store named <paramref name="name"/> (<c>{name}.db</c> in <paramref name="directory"/>, or database <c>{name}_…</c>).</summary>
    public static TestStore Create(StoreProvider provider, TemporaryDirectory directory, string name) => provider switch
    {
        StoreProvider.Sqlite => new TestStore(provider, $"Data Source={directory.File($"{name}.db")}", directory.File($"{name}.db")),
        StoreProvider.Postgres => new TestStore(provider, PostgresServer.Shared.CreateDatabase(name), null),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The host settings that select this store: <c>Database:Provider</c> and <c>ConnectionStrings:{connectionName}</c>.</summary>
    public Dictionary<string, string?> Settings(string connectionName) => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        [$"ConnectionStrings:{connectionName}"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for a host run as a process.</summary>
    public Dictionary<string, string?> Environment(string connectionName) => new()
    {
        ["Database__Provider"] = Provider.ToString(),
        [$"ConnectionStrings__{connectionName}"] = ConnectionString,
    };

    /// <summary>Whether a host has applied its migrations to this store (the EF Core history table has rows).</summary>
    public async Task<bool> IsMigratedAsync()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            return File.Exists(SqliteFile);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM "__EFMigrationsHistory")""", connection);
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>Gives back the PostgreSQL connections the host left idle in this process's pool.</summary>
    public void Dispose()
    {
        if (Provider == StoreProvider.Postgres)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
