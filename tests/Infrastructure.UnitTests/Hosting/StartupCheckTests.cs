using Microsoft.Extensions.Configuration;
using TodoClean.Infrastructure.Hosting;
using TodoClean.TestCommon;

namespace TodoClean.Infrastructure.UnitTests.Hosting;

/// <summary>WebApi needs a way to check tokens — the shared secret, a JWKS URL, or both — and each one given must be usable.</summary>
public sealed class StartupCheckTests
{
    private static IConfiguration Config(string? secret, string? jwksUrl) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:Secret"] = secret, ["Jwt:JwksUrl"] = jwksUrl })
        .Build();

    [Theory]
    [InlineData(true, null, "the secret alone")]
    [InlineData(false, "https://auth.example.com/api/auth/jwks", "a JWKS alone")]
    [InlineData(true, "https://auth.example.com/api/auth/jwks", "both, during a migration")]
    [InlineData(false, "http://127.0.0.1:3000/api/auth/jwks", "plain http to loopback")]
    [InlineData(false, "http://localhost:3000/api/auth/jwks", "plain http to localhost")]
    public void TokenVerificationProblem_WhenAWayToCheckTokensIsGiven_ShouldBeNull(bool withSecret, string? jwksUrl, string why)
    {
        var problem = StartupCheck.TokenVerificationProblem(
            Config(withSecret ? TestSecrets.JwtSecret : null, jwksUrl), "BACKEND_JWT_SECRET", isDevelopment: false);

        problem.Should().BeNull(why);
    }

    [Theory]
    [InlineData(null, null, "BACKEND_JWT_SECRET")]
    [InlineData("short", "https://auth.example.com/api/auth/jwks", "too short")]
    [InlineData(null, "http://auth.example.com/api/auth/jwks", "https")]
    [InlineData(null, "/api/auth/jwks", "absolute")]
    public void TokenVerificationProblem_WhenNothingUsableIsGiven_ShouldNameWhatToSet(string? secret, string? jwksUrl, string expected)
    {
        var problem = StartupCheck.TokenVerificationProblem(Config(secret, jwksUrl), "BACKEND_JWT_SECRET", isDevelopment: false);

        problem.Should().Contain(expected);
    }

    [Fact]
    public void JwksUrlProblem_WhenPlainHttpInDevelopment_ShouldBeNull() =>
        StartupCheck.JwksUrlProblem("http://auth:3000/api/auth/jwks", isDevelopment: true).Should().BeNull();
}
