using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Infrastructure.Security;

/// <summary>The one JWT issuer: HS256 over the shared secret, claims as API.md lists them.</summary>
internal sealed class JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider)
    : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtOptions _options = options.Value;

    public AccessToken Issue(TokenSubject subject)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + _options.AccessTokenLifetime;
        var claims = new Dictionary<string, object>(10)
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
