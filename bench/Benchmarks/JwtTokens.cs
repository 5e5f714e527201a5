using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Benchmarks;

/// <summary>Checks the benchmarks make before they measure anything.</summary>
internal static class JwtTokens
{
    /// <summary>Both tokens have the same header and the same claims with the same values, apart from the random <c>jti</c>.</summary>
    public static void AssertSameClaims(string expected, string actual)
    {
        foreach (var part in new[] { 0, 1 })
        {
            var want = Members(expected, part);
            var got = Members(actual, part);
            if (!want.OrderBy(m => m.Key).SequenceEqual(got.OrderBy(m => m.Key)))
            {
                throw new InvalidOperationException(
                    $"The tokens differ:\n  {Json(expected, part)}\n  {Json(actual, part)}");
            }
        }
    }

    public static string Json(string token, int part) => Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[part]));

    private static Dictionary<string, string> Members(string token, int part)
    {
        using var document = JsonDocument.Parse(Json(token, part));
        return document.RootElement.EnumerateObject()
            .Where(m => m.Name != "jti")
            .ToDictionary(m => m.Name, m => m.Value.GetRawText(), StringComparer.Ordinal);
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
