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

    // Key ids tracked per interval (Misra-Gries "frequent items"): any id behind more than 1/32 of the refused tokens is
    // among them however many made-up ids arrive, in bounded memory.
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
            Track(tokenKeyId);

            if (now < _nextReport)
            {
                return;
            }

            var mostSeen = _byKeyId.Count == 0 ? tokenKeyId : _byKeyId.MaxBy(pair => pair.Value).Key;
            logger.LogWarning(
                "{Count} JWT(s) since the last report were signed with a key this API does not hold (key id seen most: " +
                "{TokenKeyId}; ours: {OurKeyId}): if they come from the gateway, check that FRONTEND_JWT_SECRET and " +
                "BACKEND_JWT_SECRET hold the same value",
                _count, mostSeen, ourKeyId);
            _count = 0;
            _byKeyId.Clear();
            _nextReport = now + Interval;
        }
    }

    private void Track(string keyId)
    {
        if (_byKeyId.TryGetValue(keyId, out var seen) || _byKeyId.Count < MaxTrackedKeyIds)
        {
            _byKeyId[keyId] = seen + 1;
            return;
        }

        foreach (var (other, count) in _byKeyId)
        {
            if (count == 1)
            {
                _byKeyId.Remove(other);
            }
            else
            {
                _byKeyId[other] = count - 1;
            }
        }
    }
}
