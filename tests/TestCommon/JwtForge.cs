using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.TestCommon;

/// <summary>
/// Builds JWTs the way an attacker or a misconfigured issuer would, independently of the production issuer:
/// valid ones to prove acceptance, and each kind of bad one to prove refusal.
/// </summary>
public static class JwtForge
{
    public const string Issuer = "todoclean-auth";
    public const string Audience = "todoclean-api";

    /// <summary>A token the API must accept for <paramref name="userId"/>, with Better Auth's user claims.</summary>
    public static string Valid(string userId, string? email = null, string? name = null) =>
        Create(new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["id"] = userId,
            ["sid"] = "test-session",
            ["email"] = email ?? $"{userId}@example.com",
            ["name"] = name ?? userId,
            ["emailVerified"] = false,
        });

    /// <summary>Signs <paramref name="claims"/> (iss/aud/iat/nbf/exp/jti added unless given) with HS-<paramref name="algorithm"/>.</summary>
    public static string Create(
        IDictionary<string, object> claims, string? secret = null, string algorithm = SecurityAlgorithms.HmacSha256,
        DateTime? issuedAt = null, TimeSpan? lifetime = null, IDictionary<string, object>? extraHeader = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        var all = new Dictionary<string, object>(claims);
        all.TryAdd("iss", Issuer);
        all.TryAdd("aud", Audience);
        all.TryAdd("jti", Guid.NewGuid().ToString("N"));
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = all,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret ?? TestSecrets.JwtSecret)), algorithm),
            AdditionalHeaderClaims = extraHeader,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new { sub = userId, iss = Issuer, aud = Audience, iat = now, nbf = now, exp = now + 900 });
        return $"{header}.{payload}.";
    }

    /// <summary>Raw header and payload JSON signed with HS256 exactly as given (duplicate keys, odd headers…).</summary>
    public static string FromRawJson(string headerJson, string payloadJson, string? secret = null)
    {
        var signingInput = $"{Base64UrlEncoder.Encode(headerJson)}.{Base64UrlEncoder.Encode(payloadJson)}";
        var signature = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret ?? TestSecrets.JwtSecret), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The decoded header and payload of a compact JWT.</summary>
    public static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        return (JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0])).RootElement,
            JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement);
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
}
