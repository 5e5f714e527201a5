using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// Turns a published JSON Web Key Set into verification keys, each pinned to one algorithm: the JWK's <c>alg</c>, or the
/// one its type implies (Ed25519 → EdDSA, P-256 → ES256, P-521 → ES512, RSA → RS256). Only public signing keys of the
/// algorithms in <see cref="Algorithms"/> are kept: a symmetric (<c>oct</c>) key, an encryption key, a key without a
/// <c>kid</c> or with an <c>alg</c> that does not fit its type is left out, and private parts are never copied.
/// </summary>
public static class JwksKeys
{
    /// <summary>The asymmetric algorithms a JWKS key may be used with (Better Auth's jwt plugin signs all of these).</summary>
    public static readonly IReadOnlySet<string> Algorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        Ed25519SecurityKey.Algorithm,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    };

    /// <summary>The usable keys of <paramref name="json"/>; throws <see cref="ArgumentException"/> when it is not a JWKS.</summary>
    public static IReadOnlyList<SecurityKey> Read(string json)
    {
        var set = new JsonWebKeySet(json);
        var keys = new List<SecurityKey>();
        foreach (var jwk in set.Keys)
        {
            if (ToVerificationKey(jwk) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    // The algorithm each key read from a JWKS is pinned to; the keys are the BCL's own, so the entry goes with the key.
    private static readonly ConditionalWeakTable<SecurityKey, string> Pinned = new();

    /// <summary>The one algorithm <paramref name="key"/> (from <see cref="Read"/>) may verify, or null for any other key.</summary>
    public static string? PinnedAlgorithm(SecurityKey key) => key switch
    {
        Ed25519SecurityKey => Ed25519SecurityKey.Algorithm,
        _ => Pinned.TryGetValue(key, out var algorithm) ? algorithm : null,
    };

    private static SecurityKey? ToVerificationKey(JsonWebKey jwk)
    {
        if (string.IsNullOrEmpty(jwk.Kid) || (jwk.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig))
        {
            return null;
        }

        var implied = jwk.Kty switch
        {
            "OKP" when jwk.Crv == Ed25519SecurityKey.Curve => Ed25519SecurityKey.Algorithm,
            JsonWebAlgorithmsKeyTypes.EllipticCurve => jwk.Crv switch
            {
                JsonWebKeyECTypes.P256 => SecurityAlgorithms.EcdsaSha256,
                JsonWebKeyECTypes.P384 => SecurityAlgorithms.EcdsaSha384,
                JsonWebKeyECTypes.P521 => SecurityAlgorithms.EcdsaSha512,
                _ => null,
            },
            JsonWebAlgorithmsKeyTypes.RSA => jwk.Alg is { Length: > 0 } alg && (alg.StartsWith("RS", StringComparison.Ordinal) || alg.StartsWith("PS", StringComparison.Ordinal))
                ? alg
                : SecurityAlgorithms.RsaSha256,
            _ => null,
        };
        if (implied is null || !Algorithms.Contains(implied) || (jwk.Alg is { Length: > 0 } given && given != implied))
        {
            return null;
        }

        // Only the public parameters are imported (a published "d" is ignored); the BCL checks an EC point is on its curve.
        SecurityKey? key;
        try
        {
            key = jwk.Kty switch
            {
                "OKP" => Ed25519SecurityKey.FromPublicKey(Decode(jwk.X), jwk.Kid),
                JsonWebAlgorithmsKeyTypes.EllipticCurve => new ECDsaSecurityKey(ECDsa.Create(new ECParameters
                {
                    Curve = implied switch
                    {
                        SecurityAlgorithms.EcdsaSha256 => ECCurve.NamedCurves.nistP256,
                        SecurityAlgorithms.EcdsaSha384 => ECCurve.NamedCurves.nistP384,
                        _ => ECCurve.NamedCurves.nistP521,
                    },
                    Q = new ECPoint { X = Decode(jwk.X), Y = Decode(jwk.Y) },
                })) { KeyId = jwk.Kid },
                JsonWebAlgorithmsKeyTypes.RSA => new RsaSecurityKey(RSA.Create(new RSAParameters
                {
                    Modulus = Decode(jwk.N), Exponent = Decode(jwk.E),
                })) { KeyId = jwk.Kid },
                _ => null,
            };
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (key is not null and not Ed25519SecurityKey)
        {
            Pinned.AddOrUpdate(key, implied);
        }

        return key;
    }

    private static byte[] Decode(string? value)
    {
        try
        {
            return string.IsNullOrEmpty(value) ? [] : Base64UrlEncoder.DecodeBytes(value);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
