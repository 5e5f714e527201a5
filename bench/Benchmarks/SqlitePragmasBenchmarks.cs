using System.Data.Common;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SQLitePCL;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Common;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Benchmarks;

/// <summary>
/// The write side's per-connection SQLite settings (<c>busy_timeout=5000</c>, <c>synchronous=NORMAL</c>) on a WAL store in
/// a file, as the API keeps it, through pooled EF Core contexts:
/// <list type="bullet">
/// <item><c>per open</c>: the production <see cref="SqlitePragmas"/>, run on every EF Core connection open;</item>
/// <item><c>once per connection</c>: the same statement, run only the first time a pooled physical connection opens
/// (<see cref="SqlitePragmasOncePerConnection"/>);</item>
/// <item><c>none</c>: SQLite's defaults, <c>busy_timeout=0</c> (Microsoft.Data.Sqlite then retries a locked write itself,
/// sleeping 150 ms between tries) and <c>synchronous=FULL</c> (an fsync per commit).</item>
/// </list>
/// Rows: a connection open and close (what every EF Core command pays), one insert as <c>POST /api/todos</c> writes it
/// (one commit), and 64 such inserts at once on the thread pool (the load test's 64 connections).
/// </summary>
[WallClock]
public class SqlitePragmasBenchmarks
{
    private const string OwnerId = "bench-owner-0000000000000000000000";
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private string _folder = null!;
    private PooledDbContextFactory<TodoDbContext> _contexts = null!;

    [Params("per open", "once per connection", "none")]
    public string Pragmas { get; set; } = "per open";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("todoclean-pragmas-").FullName;
        var connectionString = $"Data Source={Path.Combine(_folder, "todos.db")}";
        using (var db = new TodoDbContext(new DbContextOptionsBuilder<TodoDbContext>().UseSqlite(connectionString).Options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Users.Add(User.Create(OwnerId, "owner@bench.test", "Bench Owner", image: null, Now));
            db.SaveChanges();
        }

        var options = new DbContextOptionsBuilder<TodoDbContext>().UseSqlite(connectionString);
        _ = Pragmas switch
        {
            "per open" => options.AddInterceptors(SqlitePragmas.Instance),
            "once per connection" => options.AddInterceptors(new SqlitePragmasOncePerConnection()),
            _ => options,
        };
        _contexts = new PooledDbContextFactory<TodoDbContext>(options.Options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task OpenAndClose()
    {
        await using var db = _contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();
    }

    [Benchmark]
    public async Task InsertOne()
    {
        await using var db = _contexts.CreateDbContext();
        db.TodoItems.Add(TodoItem.Create(OwnerId, "Written by the benchmark", "One of many.", null, TodoPriority.High, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    [Benchmark]
    public Task Insert64AtOnce() => Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(InsertOne)));
}

/// <summary>
/// <see cref="SqlitePragmas"/>' settings, applied the first time each pooled physical connection opens: SQLite keeps
/// them on the connection, and Microsoft.Data.Sqlite keeps its native handle across opens of a pooled connection.
/// </summary>
internal sealed class SqlitePragmasOncePerConnection : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Configured.TryGetValue(handle, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, Done);
        }
    }

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
