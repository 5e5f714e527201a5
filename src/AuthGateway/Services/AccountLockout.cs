using TodoClean.Infrastructure.Persistence.Auth;

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
/// without at least trying passwords for it. The counters live in the auth store (<see cref="RateLimitCounters"/>), so
/// every gateway instance on the same store counts together.
/// </summary>
public sealed class AccountLockout(RateLimitCounters counters, RateLimitingOptions options)
{
    /// <summary>Null while <paramref name="account"/> may be tried from <paramref name="address"/>; otherwise how long to wait.</summary>
    public async Task<TimeSpan?> BlockedAsync(string account, string address, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var fromAddress = await counters.PeekAsync(PerAddress(account, address), options.AccountWindow, cancellationToken);
        if (fromAddress.Count >= options.FailuresPerAccount)
        {
            return fromAddress.RetryAfter;
        }

        var fromAll = await counters.PeekAsync(AllAddresses(account), options.AccountWindow, cancellationToken);
        return fromAll.Count >= options.FailuresPerAccountAllAddresses ? fromAll.RetryAfter : null;
    }

    /// <summary>Counts one failed password check for <paramref name="account"/> from <paramref name="address"/>.</summary>
    public async Task RecordFailureAsync(string account, string address, CancellationToken cancellationToken)
    {
        if (options.Enabled)
        {
            await counters.HitAsync(PerAddress(account, address), options.AccountWindow, cancellationToken);
            await counters.HitAsync(AllAddresses(account), options.AccountWindow, cancellationToken);
        }
    }

    private static string PerAddress(string account, string address) => $"failures|{account}|{address}";

    private static string AllAddresses(string account) => $"failures|{account}";
}
