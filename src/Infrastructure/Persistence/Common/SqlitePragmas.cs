using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// Per-connection SQLite settings for the write side (SQLite keeps them per connection, not in the file):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds the database locked by another writer waits inside SQLite, retrying
/// within milliseconds, instead of failing at once (SQLite allows one writer at a time).</item>
/// <item><c>synchronous=NORMAL</c>: with write-ahead logging a commit no longer waits for an fsync (the log is synced at
/// checkpoints). The database cannot be corrupted and a crash of the process loses nothing; an operating-system crash
/// or power cut may roll back the last commits.</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";

    private SqlitePragmas()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
