namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>
/// One of the gateway's asymmetric JWT signing keys (<c>Jwt:Algorithm</c> ES256 or EdDSA), kept in the auth store so that
/// every instance signs with the same key and publishes the same set. The private key is stored only as ASP.NET Core Data
/// Protection ciphertext (its key ring is in the same store); the public JWK is stored as published.
/// </summary>
internal sealed class JwtSigningKeyRecord
{
    public string Id { get; set; } = string.Empty;

    public string Algorithm { get; set; } = string.Empty;

    /// <summary>The public JWK as <c>/api/auth/jwks</c> publishes it (no private member).</summary>
    public string PublicJwk { get; set; } = string.Empty;

    /// <summary>The private key (PKCS#8 for ES256, the 32-byte seed for EdDSA), encrypted with Data Protection.</summary>
    public string ProtectedPrivateKey { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>When a newer key took over signing; the key stays published for <c>Jwt:KeyGracePeriod</c> after that.</summary>
    public DateTime? RetiredAt { get; set; }
}
