using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Security;
using TodoClean.TestCommon;

namespace TodoClean.Infrastructure.UnitTests.Security;

/// <summary>What the gateway mints must always be a token the API is willing to read.</summary>
public sealed class JwtTokenIssuerTests
{
    private static JwtTokenIssuer CreateIssuer()
    {
        var options = Options.Create(new JwtOptions { Secret = TestSecrets.JwtSecret });
        return new JwtTokenIssuer(new JwtSigningKey(options), options, TimeProvider.System);
    }

    [Theory]
    [InlineData("\u0001", "control characters (escaped as \\u0001, six bytes each)")]
    [InlineData("€", "three-byte UTF-8 characters")]
    [InlineData("\"\\<>&'+", "characters JSON or HTML escape")]
    public void Issue_ForTheLargestProfileTheGatewayAccepts_ShouldStayWithinTheApisTokenLimit(string unit, string why)
    {
        static string Fill(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length))[..length];
        var longestEmail = $"{new string('a', 64)}@{new string('b', User.MaxEmailLength - 64 - 1 - 4)}.com";
        var subject = new TokenSubject(
            SecureIds.NewId(), SecureIds.NewId(), longestEmail, Fill(unit, User.MaxNameLength), EmailVerified: true,
            Fill(unit, User.MaxImageLength));

        var token = CreateIssuer().Issue(subject).Token;

        token.Length.Should().BeLessThanOrEqualTo(JwtPreValidator.MaxTokenLength, why);
        JwtPreValidator.Check(token).Should().BeNull(why);
    }

    [Fact]
    public void Issue_WithNonAsciiText_ShouldWriteItAsUtf8RatherThanEscapes()
    {
        var subject = new TokenSubject("user-1", "session-1", "a@example.com", "Zoë & <Ana>", EmailVerified: false, Image: null);

        var token = CreateIssuer().Issue(subject).Token;

        JwtForge.Decode(token).Payload.GetProperty("name").GetString().Should().Be("Zoë & <Ana>");
        System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[1]))
            .Should().Contain("Zoë & <Ana>", "no \\uXXXX escapes inflate the token");
    }

    [Fact]
    public void Issue_ForASessionEndingBeforeTheTokenLifetime_ShouldExpireWithTheSession()
    {
        var sessionEnds = DateTime.UtcNow.AddMinutes(3);
        var subject = new TokenSubject("user-1", "session-1", "a@example.com", "Ana", false, null, SessionExpiresAt: sessionEnds);

        var issued = CreateIssuer().Issue(subject);

        issued.ExpiresAt.Should().Be(sessionEnds);
        JwtForge.Decode(issued.Token).Payload.GetProperty("exp").GetInt64()
            .Should().Be(new DateTimeOffset(sessionEnds).ToUnixTimeSeconds(), "the token must not outlive its session");
    }

    [Fact]
    public void Issue_ForASessionEndingAfterTheTokenLifetime_ShouldKeepTheConfiguredLifetime()
    {
        var issuer = CreateIssuer();
        var before = DateTime.UtcNow;
        var subject = new TokenSubject("user-1", "session-1", "a@example.com", "Ana", false, null, SessionExpiresAt: before.AddDays(7));

        var issued = issuer.Issue(subject);

        issued.ExpiresAt.Should().BeCloseTo(before + issuer.Lifetime, TimeSpan.FromSeconds(5));
    }
}
