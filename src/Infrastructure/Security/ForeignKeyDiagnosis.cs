using Microsoft.Extensions.Logging;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// Tells the operator when the API keeps refusing tokens signed with a key it does not hold, which usually means the two
/// hosts were given different secrets. Anyone can send a token with a made-up key id, so the warning can neither be
/// switched off by such traffic nor flooded by it: the first refused token of a quiet period is reported at once, later
/// ones at most once per <see cref="Interval"/>, as a count with the key id seen most often in that interval.
/// </summary>
internal sealed class ForeignKeyDiagnosis(TimeProvider timeProvider, ILogger<ForeignKeyDiagnosis> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Distinct key ids counted per interval; a flood of made-up ids beyond this is still counted, under the first ones.
    private const int MaxTrackedKeyIds = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byKeyId = new(StringComparer.Ordinal);
    private DateTimeOffset _nextReport = DateTimeOffset.MinValue;
    private int _count;

    /// <summary>Records a token refused for its signature whose key id <paramref name="tokenKeyId"/> is not ours.</summary>
    public void Record(string tokenKeyId, string ourKeyId)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            _count++;
            if (_byKeyId.TryGetValue(tokenKeyId, out var seen) || _byKeyId.Count < MaxTrackedKeyIds)
            {
                _byKeyId[tokenKeyId] = seen + 1;
            }

            if (now < _nextReport)
            {
                return;
            }

            var (mostSeen, times) = _byKeyId.MaxBy(pair => pair.Value);
            logger.LogWarning(
                "{Count} JWT(s) since the last report were signed with a key this API does not hold (key id seen most: {TokenKeyId}, " +
                "{Times} time(s); ours: {OurKeyId}): if they come from the gateway, check that FRONTEND_JWT_SECRET and " +
                "BACKEND_JWT_SECRET hold the same value",
                _count, mostSeen, times, ourKeyId);
            _count = 0;
            _byKeyId.Clear();
            _nextReport = now + Interval;
        }
    }
}
