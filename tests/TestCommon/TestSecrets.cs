using System.Security.Cryptography;

namespace TodoClean.TestCommon;

/// <summary>Secrets for one test run: random every run, never a constant that could leak into a deployment.</summary>
public static class TestSecrets
{
    /// <summary>The HS256 secret both hosts share in tests (64 URL-safe characters).</summary>
    public static readonly string JwtSecret = NewSecret();

    /// <summary>A different, equally valid secret: tokens signed with it must be refused.</summary>
    public static readonly string OtherJwtSecret = NewSecret();

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');
}
