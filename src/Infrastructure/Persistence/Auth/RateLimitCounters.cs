using System.Security.Cryptography;
using System.Text;
using Dapper;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>
/// Fixed-window counters in the auth store, so that limits hold across every gateway instance that shares it: a hit is
/// one atomic upsert (the same SQL on SQLite and PostgreSQL) that starts the count again once the window has closed.
/// </summary>
public sealed class RateLimitCounters
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly StoreDataSource<AuthDbContext> _store;
    private readonly TimeProvider _timeProvider;

    internal RateLimitCounters(StoreDataSource<AuthDbContext> store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Counts one more hit of <paramref name="key"/> in its current window; returns the count so far. A window opens with
    /// the first hit after the previous one closed and lasts <paramref name="window"/>.
    /// </summary>
    public async Task<WindowCount> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await using var connection = await _store.OpenAsync(cancellationToken);
        var (count, windowStart) = await connection.QuerySingleAsync<(long, DateTime)>(new CommandDefinition(
            """
            INSERT INTO rate_limit_counters ("Key", "WindowStart", "Count") VALUES (@key, @now, 1)
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN rate_limit_counters."WindowStart" > @opensAfter
                               THEN rate_limit_counters."Count" + 1 ELSE 1 END,
                "WindowStart" = CASE WHEN rate_limit_counters."WindowStart" > @opensAfter
                                     THEN rate_limit_counters."WindowStart" ELSE excluded."WindowStart" END
            RETURNING "Count", "WindowStart"
            """, new { key = Hash(key), now, opensAfter = now - window }, cancellationToken: cancellationToken));
        // Counters of windows long gone count nothing any more.
        await connection.ExecuteAsync(new CommandDefinition(
            """DELETE FROM rate_limit_counters WHERE "WindowStart" < @stale""", new { stale = now - KeepFor },
            cancellationToken: cancellationToken));
        return new WindowCount(count, windowStart + window - now);
    }

    /// <summary>How many hits <paramref name="key"/> has in its current window, without counting one.</summary>
    public async Task<WindowCount> PeekAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await using var connection = await _store.OpenAsync(cancellationToken);
        var open = await connection.QuerySingleOrDefaultAsync<(long Count, DateTime WindowStart)?>(new CommandDefinition(
            """SELECT "Count", "WindowStart" FROM rate_limit_counters WHERE "Key" = @key AND "WindowStart" > @opensAfter""",
            new { key = Hash(key), opensAfter = now - window }, cancellationToken: cancellationToken));
        return open is { } current ? new WindowCount(current.Count, current.WindowStart + window - now) : new WindowCount(0, TimeSpan.Zero);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Hits counted in the current window, and how long until the window ends.</summary>
public readonly record struct WindowCount(long Count, TimeSpan RetryAfter);
