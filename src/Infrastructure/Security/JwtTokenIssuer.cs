using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one JWT issuer: HS256 over the shared secret, claims as docs/api.md lists them, written by IdentityModel's
/// <see cref="JsonWebTokenHandler"/> (header <c>alg</c>, <c>kid</c>, <c>typ</c>). The handler writes claim text as
/// UTF-8 rather than six-byte <c>\uXXXX</c> escapes, so the largest profile the gateway accepts still makes a token
/// under the API's size limit (a test pins both).
/// </summary>
internal sealed class JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider) : ITokenIssuer
{
    private readonly JwtOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => _options.AccessTokenLifetime;

    public AccessToken Issue(TokenSubject subject)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
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
            SigningCredentials = key.Credentials,
        });
        return new AccessToken(token, expires);
    }
}
