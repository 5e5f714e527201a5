using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// Per-connection SQLite settings (they are not stored in the file), applied once to each native connection the
/// pool hands out:
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: in WAL mode a commit no longer waits for an fsync (the WAL is synced at
/// checkpoints). The database cannot be corrupted and a crash of the process loses nothing; only an operating-system
/// crash or power cut may roll back the last commits. Committing costs a few tens of microseconds instead of an fsync.</item>
/// <item><c>cache_size</c>: each pooled connection keeps its own page cache (2 MiB by default); under load the pool
/// holds one connection per concurrent request, so a smaller cache bounds the process's memory. Pages not cached here
/// still come from the operating system's file cache.</item>
/// </list>
/// It also creates the connection object itself, without the SQL functions EF Core's SQLite provider would attach to
/// it (<c>regexp</c> and <c>ef_*</c>, used only to translate <c>Regex.IsMatch</c> and <c>decimal</c> arithmetic, which
/// these stores do not have: a test keeps it that way). Microsoft.Data.Sqlite registers such functions on the native
/// connection at every open and removes them at every close: ~25 µs per query, for every query, measured.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512;";

    // Native connections already set up (Microsoft.Data.Sqlite pools them; the settings live as long as they do).
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private SqliteConnectionSettings()
    {
    }

    public override InterceptionResult<DbConnection> ConnectionCreating(
        ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        eventData.ConnectionString is { } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(connectionString))
            : result;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool NeedsSettings(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryAdd(handle, Configured);
}
