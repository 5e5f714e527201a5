using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one JWT issuer: HS256 over the shared secret by default, or ES256/EdDSA with the <see cref="SigningKeyRing"/>'s
/// current key (<c>Jwt:Algorithm</c>; EdDSA signs through NSec, see <see cref="Ed25519SecurityKey"/>); claims as
/// docs/api.md lists them, written by IdentityModel's <see cref="JsonWebTokenHandler"/> (header <c>alg</c>, <c>kid</c>,
/// <c>typ</c>). The handler writes claim text as UTF-8 rather than six-byte <c>\uXXXX</c> escapes, so the largest
/// profile the gateway accepts still makes a token under the API's size limit (a test pins both).
/// </summary>
internal sealed class JwtTokenIssuer : ITokenIssuer
{
    private readonly JwtOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SigningCredentials? _shared;
    private readonly SigningKeyRing? _ring;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider)
        : this(key, options, timeProvider, ring: null)
    {
    }

    public JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider, SigningKeyRing? ring)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _ring = ring is { IsAsymmetric: true } ? ring : null;
        _shared = key.Credentials;
    }

    public TimeSpan Lifetime => _options.AccessTokenLifetime;

    public AccessToken Issue(TokenSubject subject)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + _options.AccessTokenLifetime;
        if (subject.SessionExpiresAt is { } sessionEnds && sessionEnds < expires)
        {
            expires = sessionEnds;
        }

        var claims = new Dictionary<string, object>(8, StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = subject.UserId,
            [JwtRegisteredClaimNames.Sid] = subject.SessionId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            // Better Auth's user claims, so code written against its payload keeps working.
            ["id"] = subject.UserId,
            [JwtRegisteredClaimNames.Email] = subject.Email,
            [JwtRegisteredClaimNames.Name] = subject.Name,
            ["emailVerified"] = subject.EmailVerified,
        };
        if (!string.IsNullOrEmpty(subject.Image))
        {
            claims["image"] = subject.Image;
        }

        // iat, nbf and exp in whole seconds since the epoch, truncated.
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = Credentials(),
        });
        return new AccessToken(token, expires);
    }

    private SigningCredentials Credentials() => _ring is null
        ? _shared ?? throw new InvalidOperationException("The gateway signs HS256 with Jwt:Secret, which is not set.")
        : new SigningCredentials(_ring.Current ?? throw new InvalidOperationException("No JWT signing key is loaded."), _options.Algorithm);
}
