using NSec.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>EdDSA over Ed25519 (RFC 8032, RFC 8037) for IdentityModel, computed by NSec (libsodium).</summary>
internal sealed class Ed25519SignatureProvider : SignatureProvider
{
    private const int SignatureSize = 64;

    private readonly Ed25519SecurityKey _key;

    public Ed25519SignatureProvider(Ed25519SecurityKey key, bool willCreateSignatures)
        : base(key, Ed25519SecurityKey.Algorithm)
    {
        if (willCreateSignatures && key.PrivateKey is null)
        {
            throw new InvalidOperationException("This Ed25519 key has no private half: it can only verify.");
        }

        _key = key;
        WillCreateSignatures = willCreateSignatures;
    }

    public override byte[] Sign(byte[] input) =>
        SignatureAlgorithm.Ed25519.Sign(PrivateKey, input);

    public override byte[] Sign(byte[] input, int offset, int count) =>
        SignatureAlgorithm.Ed25519.Sign(PrivateKey, input.AsSpan(offset, count));

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        SignatureAlgorithm.Ed25519.Sign(PrivateKey, data, destination[..SignatureSize]);
        bytesWritten = SignatureSize;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, input, signature);

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
        SignatureAlgorithm.Ed25519.Verify(
            _key.PublicKey, input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

    protected override void Dispose(bool disposing)
    {
        // The keys belong to the security key, which outlives this provider.
    }

    private Key PrivateKey => _key.PrivateKey ?? throw new InvalidOperationException("This Ed25519 key can only verify.");
}
