using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// SQLite has one writer at a time. When a second connection tries to write, Microsoft.Data.Sqlite retries after
/// sleeping 150 ms, so concurrent writes queue up for hundreds of milliseconds (or fail after the command timeout).
/// This gate makes the writers of one process take turns instead: each <c>SaveChanges</c>, and each write statement run
/// outside one (<c>ExecuteDelete</c>, <c>ExecuteUpdate</c>), waits asynchronously for the database's single permit, so
/// SQLite never sees two writers from this process. Readers are not gated (WAL lets them read during a write).
/// </summary>
internal sealed class SqliteWriteGate : IDbCommandInterceptor, ISaveChangesInterceptor
{
    // One gate per database file, shared by every context on it (the auth and todo stores are separate files).
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _permit = new(1, 1);

    // Contexts inside SaveChanges hold the permit; their own statements must not wait for it again.
    private readonly ConcurrentDictionary<DbContext, byte> _saving = new();

    // Statements outside SaveChanges that hold the permit (a release only ever follows an acquire).
    private readonly ConcurrentDictionary<DbCommand, byte> _writing = new();

    // EF Core reports a DbUpdateConcurrencyException to the context's SaveChangesFailed event but not to
    // interceptors, so the permit is also given back from there (Leave is idempotent).
    private readonly EventHandler<SaveChangesFailedEventArgs> _onFailed;

    private SqliteWriteGate() => _onFailed = (sender, _) => Leave(sender as DbContext);

    public static SqliteWriteGate For(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = dataSource == ":memory:" || dataSource.Length == 0 ? connectionString : Path.GetFullPath(dataSource);
        return Gates.GetOrAdd(key, _ => new SqliteWriteGate());
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        DetectChangesFirst(eventData.Context);
        _permit.Wait();
        Enter(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        DetectChangesFirst(eventData.Context);
        await _permit.WaitAsync(cancellationToken);
        Enter(eventData.Context);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    // EF Core reports a lost optimistic-concurrency race here instead of through SaveChangesFailed.
    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Leave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsPermit(command, eventData))
        {
            _permit.Wait();
            _writing[command] = 0;
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsPermit(command, eventData))
        {
            await _permit.WaitAsync(cancellationToken);
            _writing[command] = 0;
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseAfter(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseAfter(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseAfter(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseAfter(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseAfter(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseAfter(command);
        return Task.CompletedTask;
    }

    // EF Core detects changes after this interceptor and outside the try block whose outcome it reports: doing it
    // here first means a failure there happens before the permit is taken (it is cheap when nothing changed since).
    private static void DetectChangesFirst(DbContext? context)
    {
        if (context is { ChangeTracker.AutoDetectChangesEnabled: true })
        {
            context.ChangeTracker.DetectChanges();
        }
    }

    private void Enter(DbContext? context)
    {
        if (context is null)
        {
            _permit.Release();
            return;
        }

        _saving[context] = 0;
        context.SaveChangesFailed += _onFailed;
    }

    private void Leave(DbContext? context)
    {
        if (context is not null && _saving.TryRemove(context, out _))
        {
            context.SaveChangesFailed -= _onFailed;
            _permit.Release();
        }
    }

    // A write statement outside SaveChanges (ExecuteDelete/ExecuteUpdate run as non-queries). Reads, PRAGMAs and
    // schema changes pass; so do the statements of a SaveChanges, which already holds the permit.
    private bool NeedsPermit(DbCommand command, CommandEventData eventData) =>
        eventData.CommandSource is CommandSource.ExecuteDelete or CommandSource.ExecuteUpdate
        && (eventData.Context is null || !_saving.ContainsKey(eventData.Context))
        && command.Transaction is null;

    private void ReleaseAfter(DbCommand command)
    {
        if (_writing.TryRemove(command, out _))
        {
            _permit.Release();
        }
    }
}
