using System.Threading.RateLimiting;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Failed password checks per account, counted in fixed windows (<c>RateLimiting:AccountWindow</c>) two ways:
/// <list type="bullet">
/// <item>per account and client address (<c>FailuresPerAccount</c>, 10): once an address has used them up, every attempt
/// from that address for that account gets 429 — the right password included. One attacker's guesses are capped, and
/// the owner, from another address, signs in as usual.</item>
/// <item>per account from all addresses together (<c>FailuresPerAccountAllAddresses</c>, 100): the cap for guesses spread
/// over many addresses. Reaching it takes ten times as many addresses as one of them could use, each with real
/// password checks behind it, which the per-address limit on credential requests slows down too.</item>
/// </list>
/// Only real password checks count: a refused sign-up (the email is taken) never does, so nobody can lock an account out
/// without at least trying passwords for it.
/// </summary>
public sealed class AccountLockout : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _perAddress;
    private readonly PartitionedRateLimiter<string>? _allAddresses;

    public AccountLockout(RateLimitingOptions options)
    {
        if (options.Enabled)
        {
            _perAddress = Failures(options.FailuresPerAccount, options.AccountWindow);
            _allAddresses = Failures(options.FailuresPerAccountAllAddresses, options.AccountWindow);
        }
    }

    /// <summary>Null while <paramref name="account"/> may be tried from <paramref name="address"/>; otherwise how long to wait.</summary>
    public TimeSpan? Blocked(string account, string address) =>
        Exhausted(_perAddress, $"{account}|{address}") ?? Exhausted(_allAddresses, account);

    /// <summary>Counts one failed password check for <paramref name="account"/> from <paramref name="address"/>.</summary>
    public void RecordFailure(string account, string address)
    {
        // The lease is the record: the permit stays used until the window ends.
        _perAddress?.AttemptAcquire($"{account}|{address}").Dispose();
        _allAddresses?.AttemptAcquire(account).Dispose();
    }

    public void Dispose()
    {
        _perAddress?.Dispose();
        _allAddresses?.Dispose();
    }

    private static PartitionedRateLimiter<string> Failures(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    private static TimeSpan? Exhausted(PartitionedRateLimiter<string>? limiter, string key)
    {
        if (limiter is null)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(key, permitCount: 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }
}
