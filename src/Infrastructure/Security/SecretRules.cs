using System.Text;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// What makes a secret acceptable (the shared JWT secret, and the cookie-signing secret when one is set). The value itself
/// never appears in a message.
/// </summary>
public static class SecretRules
{
    public const int MinimumBytes = 32;

    private static readonly string[] PlaceholderFragments =
    [
        "changeme", "change-me", "change_me", "change-this", "changethis", "placeholder", "your-secret",
        "your_secret", "yoursecret", "replace-me", "replaceme", "example-secret", "dev-secret-here",
        "super-secret", "supersecret", "xxxxxxxx", "<secret>", "todo-secret",
    ];

    /// <summary>
    /// Null when <paramref name="secret"/> can be used; otherwise why not, naming <paramref name="settingNames"/>.
    /// <paramref name="kind"/> says which secret it is ("JWT secret").
    /// </summary>
    public static string? Check(string? secret, string settingNames, string kind = "JWT secret")
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return $"The {kind} is missing: set {settingNames} to a random value of at least {MinimumBytes} bytes.";
        }

        if (Encoding.UTF8.GetByteCount(secret) < MinimumBytes)
        {
            return $"The {kind} in {settingNames} is too short: it needs at least {MinimumBytes} bytes.";
        }

        var lower = secret.ToLowerInvariant();
        if (PlaceholderFragments.Any(lower.Contains) || secret.Distinct().Count() == 1)
        {
            return $"The {kind} in {settingNames} is a placeholder: replace it with a random value of at least {MinimumBytes} bytes.";
        }

        return null;
    }
}
