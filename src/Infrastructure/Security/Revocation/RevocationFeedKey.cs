using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>
/// The bearer key of the revocation feed: <c>Revocation:FeedSecret</c>, or a key derived from the shared JWT secret with
/// HKDF (a fixed context string, so the JWT key itself never travels). Null when neither is configured.
/// </summary>
public sealed class RevocationFeedKey
{
    private readonly byte[]? _key;

    public RevocationFeedKey(IOptions<RevocationOptions> revocation, IOptions<JwtOptions> jwt)
    {
        var configured = revocation.Value.FeedSecret;
        var secret = jwt.Value.Secret;
        _key = !string.IsNullOrEmpty(configured)
            ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
            : string.IsNullOrEmpty(secret)
                ? null
                : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [],
                    info: "todoclean/revocation-feed"u8.ToArray());
        Value = _key is null ? null : Convert.ToBase64String(_key);
    }

    /// <summary>What the API sends as <c>Authorization: Bearer …</c>; null when the feed has no key.</summary>
    public string? Value { get; }

    /// <summary>Whether <paramref name="authorization"/> (the whole header) carries this key.</summary>
    public bool Accepts(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (_key is null || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        return Convert.TryFromBase64String(authorization[Scheme.Length..].Trim(), given, out var written)
               && written == 32 && CryptographicOperations.FixedTimeEquals(given, _key);
    }
}
