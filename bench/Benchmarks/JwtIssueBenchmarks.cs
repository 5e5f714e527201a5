using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Benchmarks;

/// <summary>
/// Minting the JWT of <c>GET /api/auth/token</c>: the production issuer (<see cref="JwtTokenIssuer"/>) against the
/// library's own writer (<see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/>) with the same claims,
/// key and times. Setup checks that both tokens carry the same claims and validate.
/// </summary>
public class JwtIssueBenchmarks
{
    private ITokenIssuer _production = null!;
    private LibraryTokenIssuer _library = null!;
    private TokenSubject _subject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchSecrets.JwtOptions();
        var key = new JwtSigningKey(options);
        _production = new JwtTokenIssuer(key, options, TimeProvider.System);
        _library = new LibraryTokenIssuer(key, options.Value, TimeProvider.System);
        _subject = new TokenSubject(
            "vQ2mJ7fK9pL3xR8tW1yZ4bN6cD0eG5hA", "S7kL2mN9pQ4rT1vX6yZ3bC8dF0gH5jK2", "alice@example.com", "Alice Example",
            EmailVerified: false, Image: null);
        var clock = new FixedTime(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        JwtTokens.AssertSameClaims(
            new JwtTokenIssuer(key, options, clock).Issue(_subject).Token,
            new LibraryTokenIssuer(key, options.Value, clock).Issue(_subject).Token);
        var profile = _subject with { Name = "Zoë & <Ana>" };
        Console.WriteLine(
            $"// Claims as UTF-8: production {JwtTokens.Json(_production.Issue(profile).Token, 1).Contains(profile.Name, StringComparison.Ordinal)}, " +
            $"JsonWebTokenHandler {JwtTokens.Json(_library.Issue(profile).Token, 1).Contains(profile.Name, StringComparison.Ordinal)}");
    }

    [Benchmark(Baseline = true)]
    public string Production() => _production.Issue(_subject).Token;

    [Benchmark]
    public string JsonWebTokenHandlerCreateToken() => _library.Issue(_subject).Token;
}

/// <summary>The issuer written the library's way: a descriptor and <see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/>.</summary>
internal sealed class LibraryTokenIssuer(JwtSigningKey key, JwtOptions options, TimeProvider timeProvider) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken Issue(TokenSubject subject)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + options.AccessTokenLifetime;
        var claims = new Dictionary<string, object>(8, StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = subject.UserId,
            [JwtRegisteredClaimNames.Sid] = subject.SessionId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            ["id"] = subject.UserId,
            [JwtRegisteredClaimNames.Email] = subject.Email,
            [JwtRegisteredClaimNames.Name] = subject.Name,
            ["emailVerified"] = subject.EmailVerified,
        };
        if (!string.IsNullOrEmpty(subject.Image))
        {
            claims["image"] = subject.Image;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
        return new AccessToken(token, expires);
    }
}
