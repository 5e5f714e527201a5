using Microsoft.Extensions.Configuration;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>Fail-fast checks run before the host is built: one clear line and a non-zero exit, no stack trace.</summary>
public static class StartupCheck
{
    /// <summary>Null when the JWT secret is usable; otherwise the one line to print.</summary>
    public static string? JwtSecretProblem(IConfiguration configuration, string environmentVariable) =>
        SecretRules.Check(configuration[$"{JwtOptions.SectionName}:Secret"], $"{environmentVariable} (or Jwt__Secret)");

    /// <summary>
    /// Null when <c>Auth:Secret</c> (<c>BETTER_AUTH_SECRET</c>), the cookie-signing key, is unset (a key is then derived
    /// from the JWT secret) or usable; otherwise the one line to print. It is held to the same rules as the JWT secret.
    /// </summary>
    public static string? CookieSecretProblem(IConfiguration configuration) =>
        configuration["Auth:Secret"] is { Length: > 0 } secret
            ? SecretRules.Check(secret, "BETTER_AUTH_SECRET (or Auth__Secret)", "cookie-signing secret")
            : null;

    /// <summary>Null when <c>Revocation:FeedSecret</c> is unset (derived from the JWT secret) or usable; otherwise the one line to print.</summary>
    public static string? FeedSecretProblem(IConfiguration configuration) =>
        configuration["Revocation:FeedSecret"] is { Length: > 0 } secret
            ? SecretRules.Check(secret, "Revocation__FeedSecret", "revocation feed secret")
            : null;

    /// <summary>Writes <paramref name="problem"/> as the one fatal line and returns the process exit code.</summary>
    public static int Refuse(string hostName, string problem)
    {
        Console.Error.WriteLine($"[FTL] {hostName} cannot start: {problem}");
        return 2;
    }
}
