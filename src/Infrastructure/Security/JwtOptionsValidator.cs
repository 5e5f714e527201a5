using Microsoft.Extensions.Options;

namespace TodoClean.Infrastructure.Security;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        // Without a JWKS the secret is the only way to check a token; with one, a secret is optional but still held to the rules.
        if ((string.IsNullOrWhiteSpace(options.JwksUrl) || !string.IsNullOrEmpty(options.Secret))
            && SecretRules.Check(options.Secret, "Jwt:Secret") is { } secretProblem)
        {
            failures.Add(secretProblem);
        }

        if (!string.IsNullOrWhiteSpace(options.JwksUrl)
            && (options.JwksRefreshInterval < TimeSpan.FromMinutes(5) || options.JwksRefetchInterval < TimeSpan.FromSeconds(1)
                || options.JwksTimeout <= TimeSpan.Zero))
        {
            failures.Add("Jwt:JwksRefreshInterval must be at least 5 minutes, Jwt:JwksRefetchInterval at least 1 second and Jwt:JwksTimeout positive.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Issuer and Jwt:Audience must not be empty.");
        }

        if (options.Algorithm is not (JwtOptions.HmacAlgorithm or "ES256" or "EdDSA"))
        {
            failures.Add("Jwt:Algorithm must be HS256, ES256 or EdDSA.");
        }

        if (options.KeyRotationInterval < TimeSpan.FromHours(1) || options.KeyGracePeriod < options.AccessTokenLifetime)
        {
            failures.Add("Jwt:KeyRotationInterval must be at least an hour and Jwt:KeyGracePeriod at least Jwt:AccessTokenLifetime.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Jwt:AccessTokenLifetime must be positive.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromSeconds(30))
        {
            failures.Add("Jwt:ClockSkew must be between 0 and 30 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
