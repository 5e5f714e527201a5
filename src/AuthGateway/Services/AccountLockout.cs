using System.Threading.RateLimiting;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Failed attempts per account (the email for sign-in and sign-up, the session for change-password) in a fixed window.
/// When the window's attempts are used up, every attempt for that account gets 429 — even with the right password.
/// </summary>
public sealed class AccountLockout : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _failures;

    public AccountLockout(RateLimitingOptions options)
    {
        if (options.Enabled)
        {
            _failures = PartitionedRateLimiter.Create<string, string>(account =>
                RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.FailuresPerAccount,
                    Window = options.AccountWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    /// <summary>Null while <paramref name="account"/> may try again; otherwise how long it must wait.</summary>
    public TimeSpan? Blocked(string account)
    {
        if (_failures is null)
        {
            return null;
        }

        using var lease = _failures.AttemptAcquire(account, permitCount: 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void RecordFailure(string account)
    {
        // The lease is the record: the permit stays used until the window ends.
        _failures?.AttemptAcquire(account).Dispose();
    }

    public void Dispose() => _failures?.Dispose();
}
