using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace TodoClean.TestCommon;

/// <summary>
/// An asymmetric key pair as an external issuer (Better Auth) would hold it: signs compact JWTs with EdDSA (NSec), ES256,
/// ES512, RS256 or PS256 (the BCL), and gives its public JWK. Written independently of the production code under test.
/// </summary>
public sealed class TestSigningKey
{
    private readonly Func<byte[], byte[]> _sign;

    private TestSigningKey(string algorithm, string keyId, Dictionary<string, string> publicJwk, Func<byte[], byte[]> sign)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        PublicJwk = publicJwk;
        _sign = sign;
    }

    public string Algorithm { get; }

    public string KeyId { get; }

    /// <summary>The public JWK, as Better Auth publishes it (<c>kty</c>, <c>crv</c>, <c>x</c>/<c>y</c> or <c>n</c>/<c>e</c>, <c>alg</c>, <c>kid</c>).</summary>
    public Dictionary<string, string> PublicJwk { get; }

    public static TestSigningKey Create(string algorithm, string? keyId = null)
    {
        var kid = keyId ?? Guid.NewGuid().ToString("N");
        switch (algorithm)
        {
            case "EdDSA":
            {
                var key = Key.Create(SignatureAlgorithm.Ed25519);
                var x = Base64UrlEncoder.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
                return new TestSigningKey(algorithm, kid,
                    new() { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = x, ["alg"] = algorithm, ["kid"] = kid },
                    data => SignatureAlgorithm.Ed25519.Sign(key, data));
            }
            case "ES256" or "ES512":
            {
                var (curve, crv, hash) = algorithm == "ES256"
                    ? (ECCurve.NamedCurves.nistP256, "P-256", HashAlgorithmName.SHA256)
                    : (ECCurve.NamedCurves.nistP521, "P-521", HashAlgorithmName.SHA512);
                var ec = ECDsa.Create(curve);
                var p = ec.ExportParameters(false);
                return new TestSigningKey(algorithm, kid,
                    new()
                    {
                        ["kty"] = "EC", ["crv"] = crv, ["x"] = Base64UrlEncoder.Encode(p.Q.X!), ["y"] = Base64UrlEncoder.Encode(p.Q.Y!),
                        ["alg"] = algorithm, ["kid"] = kid,
                    },
                    data => ec.SignData(data, hash));
            }
            case "RS256" or "PS256":
            {
                var rsa = RSA.Create(2048);
                var p = rsa.ExportParameters(false);
                var padding = algorithm == "RS256" ? RSASignaturePadding.Pkcs1 : RSASignaturePadding.Pss;
                return new TestSigningKey(algorithm, kid,
                    new()
                    {
                        ["kty"] = "RSA", ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
                        ["alg"] = algorithm, ["kid"] = kid,
                    },
                    data => rsa.SignData(data, HashAlgorithmName.SHA256, padding));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "EdDSA, ES256, ES512, RS256 or PS256.");
        }
    }

    /// <summary>
    /// A token with Better Auth's payload for <paramref name="userId"/> (the user object, <c>sub</c>, <c>iat</c>,
    /// <c>exp</c>, <c>iss</c>, <c>aud</c>) signed by this key. <paramref name="claims"/> and <paramref name="header"/>
    /// add to or replace what is written (a null value removes a member).
    /// </summary>
    public string Sign(
        string userId, string issuer, string audience, IDictionary<string, object?>? claims = null,
        IDictionary<string, object?>? header = null, DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object?>
        {
            ["id"] = userId,
            ["name"] = "Ada " + userId[..Math.Min(6, userId.Length)],
            ["email"] = $"{userId}@example.com",
            ["emailVerified"] = false,
            ["image"] = null,
            ["createdAt"] = now.AddDays(-1).ToString("O"),
            ["updatedAt"] = now.AddDays(-1).ToString("O"),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["sub"] = userId,
            ["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(15))).ToUnixTimeSeconds(),
            ["iss"] = issuer,
            ["aud"] = audience,
        };
        var head = new Dictionary<string, object?> { ["alg"] = Algorithm, ["kid"] = KeyId };
        Merge(payload, claims);
        Merge(head, header);
        return SignRaw(JsonSerializer.Serialize(head), JsonSerializer.Serialize(payload));
    }

    /// <summary>Signs the given header and payload JSON exactly as written, with this key's algorithm.</summary>
    public string SignRaw(string headerJson, string payloadJson)
    {
        var input = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";
        return $"{input}.{Base64UrlEncoder.Encode(_sign(Encoding.ASCII.GetBytes(input)))}";
    }

    private static void Merge(Dictionary<string, object?> target, IDictionary<string, object?>? changes)
    {
        foreach (var (name, value) in changes ?? new Dictionary<string, object?>())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else
            {
                target[name] = value;
            }
        }
    }
}
