using TodoClean.Domain.Common;

namespace TodoClean.Domain.TwoFactor;

/// <summary>
/// A user's authenticator enrolment (Better Auth's <c>twoFactor</c> row): the TOTP secret, encrypted at rest, the hashes
/// of the unused backup codes, whether the enrolment was confirmed with a first code, the last accepted time step (so a
/// code is accepted once) and the count of consecutive failed sign-in verifications behind the account lock.
/// </summary>
public sealed class TwoFactorSecret
{
    public const int MaxProtectedSecretLength = 1024;
    public const int MaxBackupCodesLength = 2048;

    private TwoFactorSecret()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;

    /// <summary>The Base32 TOTP secret, encrypted (never stored in the clear).</summary>
    public string ProtectedSecret { get; private set; } = string.Empty;

    /// <summary>The unused backup codes' hashes, space-separated.</summary>
    public string BackupCodeHashes { get; private set; } = string.Empty;

    public bool Verified { get; private set; }
    public long? LastUsedStep { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static TwoFactorSecret Create(
        string id, string userId, string protectedSecret, IEnumerable<string> backupCodeHashes, DateTime now) => new()
    {
        Id = id,
        UserId = userId,
        ProtectedSecret = RequireSecret(protectedSecret),
        BackupCodeHashes = JoinHashes(backupCodeHashes),
        CreatedAt = Guard.Utc(now),
        UpdatedAt = now,
    };

    /// <summary>A new secret and new backup codes for an enrolment that was never confirmed.</summary>
    public void Restart(string protectedSecret, IEnumerable<string> backupCodeHashes, DateTime now)
    {
        ProtectedSecret = RequireSecret(protectedSecret);
        BackupCodeHashes = JoinHashes(backupCodeHashes);
        Verified = false;
        LastUsedStep = null;
        FailedAttempts = 0;
        LockedUntil = null;
        UpdatedAt = Guard.Utc(now);
    }

    public void ReplaceBackupCodes(IEnumerable<string> backupCodeHashes, DateTime now)
    {
        BackupCodeHashes = JoinHashes(backupCodeHashes);
        UpdatedAt = Guard.Utc(now);
    }

    public IReadOnlyList<string> BackupCodeHashList() =>
        BackupCodeHashes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The stored form of a list of backup code hashes.</summary>
    public static string JoinHashes(IEnumerable<string> hashes)
    {
        var joined = string.Join(' ', hashes);
        return joined.Length > MaxBackupCodesLength
            ? throw new ArgumentException("Too many backup codes.", nameof(hashes))
            : joined;
    }

    public bool IsLocked(DateTime now) => LockedUntil is { } until && until > now;

    private static string RequireSecret(string secret) =>
        string.IsNullOrWhiteSpace(secret) || secret.Length > MaxProtectedSecretLength
            ? throw new ArgumentException("An enrolment needs an encrypted secret.", nameof(secret))
            : secret;
}
