using NSec.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// An Ed25519 key (JWK <c>kty: OKP</c>, <c>crv: Ed25519</c>) that IdentityModel can verify with, and sign with when the
/// private half is held. IdentityModel has no EdDSA of its own: the key carries a <see cref="CryptoProviderFactory"/>
/// whose <see cref="Ed25519CryptoProvider"/> hands out an NSec (libsodium) signature provider, so JwtBearer's
/// validation — issuer, audience, lifetime, algorithm — runs unchanged around it.
/// </summary>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey
{
    public const string Algorithm = "EdDSA";

    public const string Curve = "Ed25519";

    private static readonly CryptoProviderFactory Factory = new() { CustomCryptoProvider = new Ed25519CryptoProvider() };

    private Ed25519SecurityKey(PublicKey publicKey, Key? privateKey, string keyId)
    {
        PublicKey = publicKey;
        PrivateKey = privateKey;
        KeyId = keyId;
        CryptoProviderFactory = Factory;
    }

    public PublicKey PublicKey { get; }

    /// <summary>The private half, only on the gateway's own signing key; never on a key read from a JWKS.</summary>
    internal Key? PrivateKey { get; }

    public override int KeySize => 256;

    [Obsolete("HasPrivateKey method is deprecated, please use PrivateKeyStatus instead.")]
    public override bool HasPrivateKey => PrivateKey is not null;

    public override PrivateKeyStatus PrivateKeyStatus => PrivateKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    /// <summary>The public key's 32 bytes, as JWK <c>x</c> carries them (base64url).</summary>
    public byte[] PublicKeyBytes => PublicKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>A verification key from a JWK's <c>x</c> (32 bytes); null when they are not an Ed25519 public key.</summary>
    public static Ed25519SecurityKey? FromPublicKey(ReadOnlySpan<byte> x, string keyId) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, x, KeyBlobFormat.RawPublicKey, out var publicKey) && publicKey is not null
            ? new Ed25519SecurityKey(publicKey, privateKey: null, keyId)
            : null;

    /// <summary>A signing key from a stored private key (the 32-byte seed, as NSec's raw private key format holds it).</summary>
    public static Ed25519SecurityKey FromPrivateKey(ReadOnlySpan<byte> seed, string keyId)
    {
        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new Ed25519SecurityKey(key.PublicKey, key, keyId);
    }

    /// <summary>A new private key's 32-byte seed, from libsodium's CSPRNG; the caller stores it encrypted.</summary>
    public static byte[] CreatePrivateKey()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });
        return key.Export(KeyBlobFormat.RawPrivateKey);
    }

    public override bool CanComputeJwkThumbprint() => true;

    /// <summary>RFC 8037 §2 / RFC 7638: SHA-256 over <c>{"crv":"Ed25519","kty":"OKP","x":"…"}</c>.</summary>
    public override byte[] ComputeJwkThumbprint() =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"crv":"{{Curve}}","kty":"OKP","x":"{{Base64UrlEncoder.Encode(PublicKeyBytes)}}"}"""));
}
