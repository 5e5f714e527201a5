using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security;

/// <summary>The one JwtBearer validation setup, over the same key the issuer signs with.</summary>
internal sealed class JwtBearerOptionsSetup(IOptions<JwtOptions> jwtOptions, JwtSigningKey key)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var jwt = jwtOptions.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
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
            OnAuthenticationFailed = JwtBearerEventHandlers.LogFailureAsync,
            OnChallenge = JwtBearerEventHandlers.WriteUnauthorizedProblemAsync,
            OnForbidden = JwtBearerEventHandlers.WriteForbiddenProblemAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);
}
