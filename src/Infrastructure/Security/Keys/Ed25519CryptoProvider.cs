using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// IdentityModel's extension point for an algorithm it does not have: <see cref="CryptoProviderFactory"/> asks it for
/// EdDSA on an <see cref="Ed25519SecurityKey"/>, and nothing else.
/// </summary>
internal sealed class Ed25519CryptoProvider : ICryptoProvider
{
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        algorithm == Ed25519SecurityKey.Algorithm && args is [Ed25519SecurityKey, ..];

    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException($"Only {Ed25519SecurityKey.Algorithm} over an Ed25519 key is provided here.");
        }

        var key = (Ed25519SecurityKey)args[0];
        var willCreateSignatures = args is [_, bool sign, ..] && sign;
        return new Ed25519SignatureProvider(key, willCreateSignatures);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
