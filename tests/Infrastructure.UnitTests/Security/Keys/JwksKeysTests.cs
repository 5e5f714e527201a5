using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Infrastructure.Security.Keys;
using TodoClean.TestCommon;

namespace TodoClean.Infrastructure.UnitTests.Security.Keys;

/// <summary>Which published keys the API will verify with, each pinned to one algorithm, and EdDSA inside IdentityModel.</summary>
public sealed class JwksKeysTests
{
    private static string Set(params object[] keys) => JsonSerializer.Serialize(new { keys });

    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    [InlineData("ES512")]
    [InlineData("PS256")]
    [InlineData("RS256")]
    public void Read_WhenKeyIsAPublicSigningKey_ShouldKeepItPinnedToItsAlgorithm(string algorithm)
    {
        var key = TestSigningKey.Create(algorithm);

        var read = JwksKeys.Read(Set(key.PublicJwk));

        read.Should().ContainSingle().Which.KeyId.Should().Be(key.KeyId);
        JwksKeys.PinnedAlgorithm(read[0]).Should().Be(algorithm);
    }

    [Fact]
    public void Read_WhenKeysAreSymmetricForEncryptionMislabelledOrWithoutKid_ShouldLeaveThemOut()
    {
        var ec = TestSigningKey.Create("ES256").PublicJwk;
        var json = Set(
            new { kty = "oct", k = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", kid = "sym", alg = "HS256" },
            new Dictionary<string, string>(ec) { ["use"] = "enc", ["kid"] = "enc" },
            new Dictionary<string, string>(ec) { ["alg"] = "RS256", ["kid"] = "mislabelled" },
            new Dictionary<string, string>(ec) { ["crv"] = "P-192", ["kid"] = "weak-curve" },
            ec.Where(p => p.Key != "kid").ToDictionary(p => p.Key, p => p.Value),
            new { kty = "OKP", crv = "X25519", x = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", kid = "ecdh" },
            new Dictionary<string, string>(ec) { ["y"] = ec["x"], ["kid"] = "point-off-the-curve" });

        var read = JwksKeys.Read(json);

        read.Should().BeEmpty();
    }

    [Fact]
    public void Read_WhenAPublishedKeyCarriesPrivateParts_ShouldNotCopyThem()
    {
        var jwk = new Dictionary<string, string>(TestSigningKey.Create("ES256").PublicJwk) { ["d"] = "AAAA" };

        var read = JwksKeys.Read(Set(jwk));

        var ec = read.Should().ContainSingle().Which.Should().BeOfType<ECDsaSecurityKey>().Subject;
        ec.ECDsa.Invoking(e => e.ExportParameters(includePrivateParameters: true))
            .Should().Throw<System.Security.Cryptography.CryptographicException>("only the public point was imported");
    }

    [Fact]
    public async Task Ed25519Key_InsideJsonWebTokenHandler_ShouldVerifyRealSignaturesWithFullValidationAndRefuseTamperedOnes()
    {
        var signer = TestSigningKey.Create("EdDSA");
        var key = JwksKeys.Read(Set(signer.PublicJwk)).Single();
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key, ValidIssuer = "https://issuer.example", ValidAudience = "https://issuer.example",
            ValidAlgorithms = ["EdDSA"],
        };
        var handler = new JsonWebTokenHandler();
        var token = signer.Sign("ada", "https://issuer.example", "https://issuer.example");
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        var valid = await handler.ValidateTokenAsync(token, parameters);
        var wrongAudience = await handler.ValidateTokenAsync(
            signer.Sign("ada", "https://issuer.example", "https://elsewhere.example"), parameters);
        var bad = await handler.ValidateTokenAsync(tampered, parameters);

        valid.IsValid.Should().BeTrue(valid.Exception?.Message);
        wrongAudience.Exception.Should().BeOfType<SecurityTokenInvalidAudienceException>();
        bad.IsValid.Should().BeFalse();
    }

    [Fact]
    public void Ed25519Key_WithPrivateHalf_ShouldSignWhatItsPublicHalfVerifies()
    {
        var seed = Ed25519SecurityKey.CreatePrivateKey();
        var signing = Ed25519SecurityKey.FromPrivateKey(seed, "k1");
        var verifying = Ed25519SecurityKey.FromPublicKey(signing.PublicKeyBytes, "k1")!;
        var data = "header.payload"u8.ToArray();

        var signer = signing.CryptoProviderFactory.CreateForSigning(signing, "EdDSA");
        var signature = signer.Sign(data);
        var verifier = verifying.CryptoProviderFactory.CreateForVerifying(verifying, "EdDSA");

        signature.Should().HaveCount(64);
        verifier.Verify(data, signature).Should().BeTrue();
        verifier.Verify("header.payloaD"u8.ToArray(), signature).Should().BeFalse();
        verifying.PrivateKeyStatus.Should().Be(PrivateKeyStatus.DoesNotExist);
        verifying.CryptoProviderFactory.Invoking(f => f.CreateForSigning(verifying, "EdDSA")).Should().Throw<Exception>();
    }
}
