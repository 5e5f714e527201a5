using TodoClean.Domain.Common;

namespace TodoClean.Domain.Users;

/// <summary>
/// A person who can sign in. The auth gateway owns the record; the todo API keeps a mirror of it keyed by
/// the same id (the JWT <c>sub</c>), holding what the newest token said.
/// </summary>
public sealed class User
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxImageLength = 2048;

    private User()
    {
    }

    public string Id { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string? Image { get; private set; }
    public bool EmailVerified { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Whether signing in needs a second factor (Better Auth's <c>twoFactorEnabled</c>).</summary>
    public bool TwoFactorEnabled { get; private set; }

    public static User Create(string id, string email, string name, string? image, DateTime now)
    {
        var user = new User
        {
            Id = RequireId(id),
            Email = NormalizeEmail(email),
            CreatedAt = Guard.Utc(now),
            UpdatedAt = now,
        };
        user.SetProfile(name, image);
        return user;
    }

    /// <summary>Trims and lower-cases an address, the one form stored and compared.</summary>
    public static string NormalizeEmail(string email) =>
        Guard.RequiredText(email, "email", MaxEmailLength).ToLowerInvariant();

    public void UpdateProfile(string? name, string? image, DateTime now)
    {
        SetProfile(name ?? Name, image ?? Image);
        UpdatedAt = Guard.Utc(now);
    }

    /// <summary>The owner proved they read mail at <see cref="Email"/>; returns whether this changed anything.</summary>
    public bool MarkEmailVerified(DateTime now)
    {
        if (EmailVerified)
        {
            return false;
        }

        EmailVerified = true;
        UpdatedAt = Guard.Utc(now);
        return true;
    }

    /// <summary>Turns the second factor on or off; returns whether anything changed.</summary>
    public bool SetTwoFactor(bool enabled, DateTime now)
    {
        if (TwoFactorEnabled == enabled)
        {
            return false;
        }

        TwoFactorEnabled = enabled;
        UpdatedAt = Guard.Utc(now);
        return true;
    }

    /// <summary>Refreshes the mirror from a newer token; returns whether anything changed.</summary>
    public bool SyncFrom(string email, string name, DateTime now)
    {
        var normalized = NormalizeEmail(email);
        if (normalized == Email && name == Name)
        {
            return false;
        }

        Email = normalized;
        SetProfile(name, Image);
        UpdatedAt = Guard.Utc(now);
        return true;
    }

    private void SetProfile(string name, string? image)
    {
        // An empty name is allowed (Better Auth accepts ""), but it is bounded.
        Name = Guard.OptionalText(name, "name", MaxNameLength) ?? string.Empty;
        Image = Guard.OptionalText(image, "image", MaxImageLength);
    }

    private static string RequireId(string id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("A user needs an id.", nameof(id)) : id;
}
