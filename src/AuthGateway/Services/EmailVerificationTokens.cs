using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Security;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Better Auth's verification token: an HS256 JWT with <c>email</c>, <c>userId</c>, <c>iat</c> and <c>exp</c>, signed with
/// the gateway secret (<c>Auth:Secret</c>, Better Auth's <c>BETTER_AUTH_SECRET</c>; derived from the JWT secret when unset,
/// with a context of its own). Signed and checked by <see cref="JsonWebTokenHandler"/>; nothing is stored.
/// </summary>
internal sealed class EmailVerificationTokens : IEmailVerificationTokens
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _timeProvider;

    public EmailVerificationTokens(IOptions<GatewayOptions> gateway, IOptions<JwtOptions> jwt, TimeProvider timeProvider)
    {
        var secret = gateway.Value.Secret;
        _key = new SymmetricSecurityKey(string.IsNullOrEmpty(secret)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.Secret), 32,
                salt: [], info: "todoclean/email-verification"u8.ToArray())
            : Encoding.UTF8.GetBytes(secret));
        _timeProvider = timeProvider;
    }

    public string Issue(string email, string userId, TimeSpan lifetime)
    {
        var now = _timeProvider.GetUtcNow();
        var claims = new Dictionary<string, object> { ["email"] = email.ToLowerInvariant() };
        if (!string.IsNullOrEmpty(userId))
        {
            claims["userId"] = userId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<EmailVerificationToken> ReadAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || !_handler.CanReadToken(token))
        {
            return new EmailVerificationToken(EmailVerificationTokenState.Invalid);
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > _timeProvider.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid)
        {
            return new EmailVerificationToken(result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
                ? EmailVerificationTokenState.Expired
                : EmailVerificationTokenState.Invalid);
        }

        var email = result.Claims.TryGetValue("email", out var e1) ? e1 as string : null;
        var userId = result.Claims.TryGetValue("userId", out var u1) ? u1 as string : null;
        return string.IsNullOrEmpty(email)
            ? new EmailVerificationToken(EmailVerificationTokenState.Invalid)
            : new EmailVerificationToken(EmailVerificationTokenState.Valid, email, userId);
    }
}
