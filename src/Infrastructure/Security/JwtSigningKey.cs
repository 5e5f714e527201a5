using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one HS256 key, built once from <c>Jwt:Secret</c>. Its <see cref="KeyId"/> is a short, non-secret
/// fingerprint (first 8 bytes of SHA-256 over the secret) so a secret mismatch can be named in logs. On a WebApi that only
/// checks JWKS-signed tokens there is no secret: <see cref="Key"/> is then null.
/// </summary>
public sealed class JwtSigningKey
{
    public JwtSigningKey(IOptions<JwtOptions> options)
    {
        if (string.IsNullOrEmpty(options.Value.Secret))
        {
            KeyId = string.Empty;
            return;
        }

        var secret = Encoding.UTF8.GetBytes(options.Value.Secret);
        KeyId = Fingerprint(secret);
        Key = new SymmetricSecurityKey(secret) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The key's fingerprint; empty when no secret is configured.</summary>
    public string KeyId { get; }

    /// <summary>The HS256 key; null when no secret is configured.</summary>
    public SymmetricSecurityKey? Key { get; }

    public SigningCredentials? Credentials { get; }

    public static string Fingerprint(byte[] secret) => Base64UrlEncoder.Encode(SHA256.HashData(secret)[..8]);
}
