using TodoClean.Domain.Common;

namespace TodoClean.Domain.Users;

/// <summary>A way to sign in as a user. Only the <c>credential</c> provider (email + password) exists today.</summary>
public sealed class Account
{
    public const string CredentialProvider = "credential";

    private Account()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string UserId { get; private set; } = string.Empty;
    public string ProviderId { get; private set; } = string.Empty;
    public string AccountId { get; private set; } = string.Empty;
    public string PasswordHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Account CreateCredential(string id, string userId, string passwordHash, DateTime now) => new()
    {
        Id = id,
        UserId = userId,
        ProviderId = CredentialProvider,
        AccountId = userId,
        PasswordHash = RequireHash(passwordHash),
        CreatedAt = Guard.Utc(now),
        UpdatedAt = now,
    };

    public void ChangePasswordHash(string passwordHash, DateTime now)
    {
        PasswordHash = RequireHash(passwordHash);
        UpdatedAt = Guard.Utc(now);
    }

    private static string RequireHash(string hash) =>
        string.IsNullOrWhiteSpace(hash) ? throw new ArgumentException("A credential needs a password hash.", nameof(hash)) : hash;
}
