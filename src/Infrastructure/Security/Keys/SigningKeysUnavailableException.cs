namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>The JWKS could not be fetched and no copy is cached: the token cannot be checked, so it is refused (401, not 5xx).</summary>
internal sealed class SigningKeysUnavailableException(Exception inner)
    : Exception("The issuer's signing keys are unavailable.", inner);
