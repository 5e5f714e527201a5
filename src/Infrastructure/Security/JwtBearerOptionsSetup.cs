using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one JwtBearer validation setup: the shared secret (HS256, the key the gateway signs with by default), the keys
/// published at <c>Jwt:JwksUrl</c> (EdDSA, ES256/384/512, RS256/384/512, PS256/384/512), or both during a migration.
/// Every key verifies one algorithm only, and a JWKS key only a token whose <c>kid</c> names it.
/// </summary>
internal sealed class JwtBearerOptionsSetup(IOptions<JwtOptions> jwtOptions, JwtSigningKey key, JwksKeySource jwks)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var jwt = jwtOptions.Value;
        var algorithms = new HashSet<string>(StringComparer.Ordinal);
        if (key.Key is not null)
        {
            algorithms.Add(SecurityAlgorithms.HmacSha256);
        }

        if (jwks.Manager is { } manager)
        {
            algorithms.UnionWith(JwksKeys.Algorithms);
            // JwtBearer takes the keys from the manager's cached JWKS and asks it to refetch on an unknown kid; the
            // manager allows one such refetch per Jwt:JwksRefetchInterval.
            options.ConfigurationManager = manager;
            options.RefreshOnIssuerKeyNotFound = true;
        }

        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = algorithms,
            AlgorithmValidator = AlgorithmFitsKey,
            IssuerSigningKey = key.Key,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidIssuer = jwt.Issuer,
            ValidateIssuer = true,
            ValidAudience = jwt.Audience,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = "name",
            RoleClaimType = "role",
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = JwtBearerEventHandlers.ReadTokenAsync,
            OnTokenValidated = JwtBearerEventHandlers.RejectIncompleteTokensAsync,
            OnAuthenticationFailed = JwtBearerEventHandlers.HandleFailureAsync,
            OnChallenge = JwtBearerEventHandlers.WriteUnauthorizedProblemAsync,
            OnForbidden = JwtBearerEventHandlers.WriteForbiddenProblemAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    /// <summary>
    /// Called for every key IdentityModel tries: the shared secret verifies HS256 only; a JWKS key verifies its own
    /// algorithm only, and only for a token whose <c>kid</c> is that key's (a token naming one key is never accepted on the
    /// strength of another). So an HS256 token "signed" with a public key's bytes, or an EdDSA token presented to an
    /// RSA key, fails before any signature work.
    /// </summary>
    internal static bool AlgorithmFitsKey(
        string algorithm, SecurityKey securityKey, SecurityToken securityToken, TokenValidationParameters parameters)
    {
        if (parameters.ValidAlgorithms is not { } valid || !valid.Contains(algorithm))
        {
            return false;
        }

        return securityKey switch
        {
            SymmetricSecurityKey => algorithm == SecurityAlgorithms.HmacSha256,
            _ => JwksKeys.PinnedAlgorithm(securityKey) == algorithm
                 && securityToken is JsonWebToken { Kid: { Length: > 0 } kid }
                 && string.Equals(kid, securityKey.KeyId, StringComparison.Ordinal),
        };
    }
}
