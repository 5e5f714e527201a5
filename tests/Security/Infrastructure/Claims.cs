using System.Text.Json.Nodes;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>Raw JWT headers and payloads (as JSON text) for tokens that differ from a valid one in exactly one way.</summary>
public static class Claims
{
    public const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A complete, valid payload for <paramref name="userId"/>; <paramref name="change"/> edits it (null value: remove).</summary>
    public static string Payload(string? userId = null, params (string Name, object? Value)[] change)
    {
        var now = Now;
        var payload = new JsonObject
        {
            ["sub"] = userId ?? NewUserId(),
            ["iss"] = JwtForge.Issuer,
            ["aud"] = JwtForge.Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 900,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["email"] = "forged@example.com",
            ["name"] = "Forged",
        };
        foreach (var (name, value) in change)
        {
            if (value is null)
            {
                payload.Remove(name);
            }
            else
            {
                payload[name] = value switch
                {
                    string text => JsonValue.Create(text),
                    long number => JsonValue.Create(number),
                    int number => JsonValue.Create(number),
                    bool flag => JsonValue.Create(flag),
                    JsonNode node => node,
                    _ => throw new ArgumentException($"Unsupported claim value {value.GetType()}", nameof(change)),
                };
            }
        }

        return payload.ToJsonString();
    }

    /// <summary>An HS256 header with extra members (e.g. <c>crit</c>, <c>jku</c>), given as raw JSON text after the defaults.</summary>
    public static string HeaderWith(string extraMembers) => $$"""{"alg":"HS256","typ":"JWT",{{extraMembers}}}""";

    /// <summary>A header and payload signed with HMAC-SHA256 over the shared secret (whatever the header's alg says).</summary>
    public static string Sign(string header, string payload, string? secret = null) => JwtForge.FromRawJson(header, payload, secret);

    public static string NewUserId() => "u" + Guid.NewGuid().ToString("N");
}
