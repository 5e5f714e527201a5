using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Security;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.Benchmarks;

/// <summary>
/// The production issuer (<see cref="JwtTokenIssuer"/>) and the production validation: the JwtBearer options the API
/// configures (<see cref="JwtBearerOptionsSetup"/>), validated by the token handler JwtBearer itself uses, with the
/// per-request copy of the parameters JwtBearer makes.
/// </summary>
public class JwtBenchmarks
{
    private JwtTokenIssuer _issuer = null!;
    private TokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private TokenSubject _subject = null!;
    private string _valid = null!;
    private string _badSignature = null!;
    private string _garbage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchSecrets.JwtOptions();
        var key = new JwtSigningKey(options);
        _issuer = new JwtTokenIssuer(key, options, TimeProvider.System);

        var bearer = new JwtBearerOptions();
        // No Jwt:JwksUrl here: the key source has no manager and never fetches.
        new JwtBearerOptionsSetup(options, key, new JwksKeySource(options, retrieval: null!))
            .Configure(JwtBearerDefaults.AuthenticationScheme, bearer);
        _handler = bearer.TokenHandlers.Single();
        _parameters = bearer.TokenValidationParameters;

        _subject = new TokenSubject(
            "vQ2mJ7fK9pL3xR8tW1yZ4bN6cD0eG5hA", "S7kL2mN9pQ4rT1vX6yZ3bC8dF0gH5jK2", "alice@example.com", "Alice Example",
            EmailVerified: false, Image: null);
        _valid = _issuer.Issue(_subject).Token;
        _badSignature = _valid[.._valid.LastIndexOf('.')] + "." + BenchSecrets.Base64Url(new byte[32]);
        _garbage = "not-a-jwt-" + new string('x', 120);
        if (!Validate(_valid).IsValid || Validate(_badSignature).IsValid || Validate(_garbage).IsValid)
        {
            throw new InvalidOperationException("The benchmark's tokens do not validate as expected.");
        }
    }

    [Benchmark]
    public string Issue() => _issuer.Issue(_subject).Token;

    [Benchmark]
    public bool ValidateValid() => Validate(_valid).IsValid;

    [Benchmark]
    public bool ValidateBadSignature() => Validate(_badSignature).IsValid;

    [Benchmark]
    public bool ValidateGarbage() => Validate(_garbage).IsValid;

    // JwtBearerHandler clones the parameters for every request before validating.
    private TokenValidationResult Validate(string token) =>
        _handler.ValidateTokenAsync(token, _parameters.Clone()).GetAwaiter().GetResult();
}
