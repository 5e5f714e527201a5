using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.Benchmarks;

/// <summary>
/// What validating a JWKS-signed token costs per algorithm, with the API's own per-key rule (<c>AlgorithmFitsKey</c>)
/// and the token handler JwtBearer uses: EdDSA through NSec, ES256 and RS256 through the BCL.
/// </summary>
public class AsymmetricJwtBenchmarks
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly Dictionary<string, (string Token, TokenValidationParameters Parameters)> _cases = new();

    [Params("EdDSA", "ES256", "RS256")]
    public string Algorithm { get; set; } = "EdDSA";

    [GlobalSetup]
    public void Setup()
    {
        SecurityKey signing = Algorithm switch
        {
            "EdDSA" => Ed25519SecurityKey.FromPrivateKey(Ed25519SecurityKey.CreatePrivateKey(), "k1"),
            "ES256" => new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "k1" },
            _ => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" },
        };
        var jwk = signing switch
        {
            Ed25519SecurityKey ed => $$"""{"kty":"OKP","crv":"Ed25519","x":"{{Base64UrlEncoder.Encode(ed.PublicKeyBytes)}}","kid":"k1","alg":"EdDSA"}""",
            ECDsaSecurityKey ec => ToJwk(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec)),
            RsaSecurityKey rsa => ToJwk(JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa)),
            _ => throw new InvalidOperationException(),
        };
        var verifying = JwksKeys.Read($$"""{"keys":[{{jwk}}]}""").Single();
        var now = DateTime.UtcNow;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.example", Audience = "https://issuer.example", IssuedAt = now, Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "user-1", ["email"] = "a@example.com", ["name"] = "Ada" },
            SigningCredentials = new SigningCredentials(signing, Algorithm),
        });
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = [verifying], ValidAlgorithms = JwksKeys.Algorithms.ToList(),
            AlgorithmValidator = TodoClean.Infrastructure.Security.JwtBearerOptionsSetup.AlgorithmFitsKey,
            ValidIssuer = "https://issuer.example", ValidAudience = "https://issuer.example",
        };
        _cases[Algorithm] = (token, parameters);
        if (!Validate().IsValid)
        {
            throw new InvalidOperationException($"The {Algorithm} benchmark token does not validate.");
        }
    }

    [Benchmark]
    public bool ValidateValid() => Validate().IsValid;

    private TokenValidationResult Validate()
    {
        var (token, parameters) = _cases[Algorithm];
        return _handler.ValidateTokenAsync(token, parameters.Clone()).GetAwaiter().GetResult();
    }

    private static string ToJwk(JsonWebKey key)
    {
        key.KeyId = "k1";
        key.Alg = key.Kty == "EC" ? "ES256" : "RS256";
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["kty"] = key.Kty, ["crv"] = key.Crv, ["x"] = key.X, ["y"] = key.Y, ["n"] = key.N, ["e"] = key.E,
            ["kid"] = key.Kid, ["alg"] = key.Alg,
        }.Where(p => p.Value is not null).ToDictionary());
    }
}
