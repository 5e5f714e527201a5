using System.Text;

namespace TodoClean.Infrastructure.Security;

/// <summary>What makes a shared JWT secret acceptable. The value itself never appears in a message.</summary>
public static class JwtSecretRules
{
    public const int MinimumBytes = 32;

    private static readonly string[] PlaceholderFragments =
    [
        "changeme", "change-me", "change_me", "change-this", "changethis", "placeholder", "your-secret",
        "your_secret", "yoursecret", "replace-me", "replaceme", "example-secret", "dev-secret-here",
        "super-secret", "supersecret", "xxxxxxxx", "<secret>", "todo-secret",
    ];

    /// <summary>Null when <paramref name="secret"/> can be used; otherwise why not, naming <paramref name="settingNames"/>.</summary>
    public static string? Check(string? secret, string settingNames)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return $"The JWT secret is missing: set {settingNames} to a random value of at least {MinimumBytes} bytes.";
        }

        if (Encoding.UTF8.GetByteCount(secret) < MinimumBytes)
        {
            return $"The JWT secret in {settingNames} is too short: it needs at least {MinimumBytes} bytes.";
        }

        var lower = secret.ToLowerInvariant();
        if (PlaceholderFragments.Any(lower.Contains) || secret.Distinct().Count() == 1)
        {
            return $"The JWT secret in {settingNames} is a placeholder: replace it with a random value of at least {MinimumBytes} bytes.";
        }

        return null;
    }
}
