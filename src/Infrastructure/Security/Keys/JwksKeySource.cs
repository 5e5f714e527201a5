using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// The API's view of the issuer's published keys: IdentityModel's <see cref="ConfigurationManager{T}"/> over
/// <c>Jwt:JwksUrl</c>, handed to JwtBearer as its configuration manager. Null when no JWKS is configured.
/// </summary>
internal sealed class JwksKeySource
{
    public JwksKeySource(IOptions<JwtOptions> options, JwksRetrieval retrieval)
    {
        var jwt = options.Value;
        if (string.IsNullOrWhiteSpace(jwt.JwksUrl))
        {
            return;
        }

        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(jwt.JwksUrl, retrieval, retrieval)
        {
            AutomaticRefreshInterval = jwt.JwksRefreshInterval,
            RefreshInterval = jwt.JwksRefetchInterval,
        };
    }

    public ConfigurationManager<OpenIdConnectConfiguration>? Manager { get; }
}
