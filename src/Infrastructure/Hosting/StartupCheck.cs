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
    /// WebApi: null when it has a way to check tokens — the shared secret, a JWKS URL, or both — and each one given is
    /// usable; otherwise the one line to print. A JWKS URL must be https, except to a loopback address or in Development.
    /// </summary>
    public static string? TokenVerificationProblem(IConfiguration configuration, string environmentVariable, bool isDevelopment)
    {
        var secret = configuration[$"{JwtOptions.SectionName}:Secret"];
        var jwksUrl = configuration[$"{JwtOptions.SectionName}:JwksUrl"];
        if (string.IsNullOrWhiteSpace(secret) && string.IsNullOrWhiteSpace(jwksUrl))
        {
            return $"the JWT secret is missing and no JWKS URL is set, so no token could be checked: set {environmentVariable} " +
                   "(or Jwt__Secret) to the gateway's shared secret of at least 32 bytes, or Jwt__JwksUrl to the token issuer's " +
                   "JWKS endpoint (such as https://auth.example.com/api/auth/jwks), or both.";
        }

        if (!string.IsNullOrEmpty(secret) && JwtSecretProblem(configuration, environmentVariable) is { } secretProblem)
        {
            return secretProblem;
        }

        return string.IsNullOrWhiteSpace(jwksUrl) ? null : JwksUrlProblem(jwksUrl, isDevelopment);
    }

    /// <summary>Null when <paramref name="jwksUrl"/> may be fetched; otherwise the one line to print (never the URL's query).</summary>
    public static string? JwksUrlProblem(string jwksUrl, bool isDevelopment)
    {
        if (!Uri.TryCreate(jwksUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            return "Jwt__JwksUrl must be an absolute http(s) URL without credentials, such as https://auth.example.com/api/auth/jwks.";
        }

        return url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback && !isDevelopment
            ? $"Jwt__JwksUrl must use https: keys fetched over plain http from {url.Host} could be replaced on the way " +
              "(http is accepted only for a loopback address or in Development)."
            : null;
    }

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
