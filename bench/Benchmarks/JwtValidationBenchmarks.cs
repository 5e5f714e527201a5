using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Benchmarks;

/// <summary>
/// The API's authentication step for one request (<c>HttpContext.AuthenticateAsync</c> on the production registrations:
/// JwtBearer with the API's options and events, in a request scope), for the kinds of token the load test sends.
/// <c>Production</c> runs the events as shipped, where <see cref="JwtFastRejection"/> turns away a wrong signature or a
/// past expiry with one HMAC before JwtBearer validates; <c>JwtBearerOnly</c> runs the same events without that step,
/// so JwtBearer's own validation (JsonWebTokenHandler) refuses them. <c>FastRejectionAlone</c> is the check by itself.
/// </summary>
public class JwtValidationBenchmarks
{
    private ServiceProvider _production = null!;
    private ServiceProvider _jwtBearerOnly = null!;
    private string _header = null!;
    private string _token = null!;
    private TokenValidationParameters _parameters = null!;

    [Params("valid", "bad signature", "other secret", "expired")]
    public string Token { get; set; } = "valid";

    [GlobalSetup]
    public void Setup()
    {
        _production = Services(fastRejection: true);
        _jwtBearerOnly = Services(fastRejection: false);

        var options = BenchSecrets.JwtOptions();
        var subject = new TokenSubject(
            "vQ2mJ7fK9pL3xR8tW1yZ4bN6cD0eG5hA", "S7kL2mN9pQ4rT1vX6yZ3bC8dF0gH5jK2", "alice@example.com", "Alice Example",
            EmailVerified: false, Image: null);
        var valid = new JwtTokenIssuer(new JwtSigningKey(options), options, TimeProvider.System).Issue(subject).Token;
        var other = BenchSecrets.JwtOptions(BenchSecrets.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        _token = Token switch
        {
            "valid" => valid,
            "bad signature" => valid[..(valid.LastIndexOf('.') + 1)] + BenchSecrets.Base64Url(new byte[32]),
            "other secret" => new JwtTokenIssuer(new JwtSigningKey(other), other, TimeProvider.System).Issue(subject).Token,
            _ => new JwtTokenIssuer(
                new JwtSigningKey(options), options, new FixedTime(DateTimeOffset.UtcNow.AddHours(-1))).Issue(subject).Token,
        };
        _header = "Bearer " + _token;
        _parameters = _production.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;

        var expected = Token == "valid";
        if (Production().GetAwaiter().GetResult() != expected || JwtBearerOnly().GetAwaiter().GetResult() != expected)
        {
            throw new InvalidOperationException($"A '{Token}' token was not judged as expected.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _production.Dispose();
        _jwtBearerOnly.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<bool> Production() => Authenticate(_production);

    [Benchmark]
    public Task<bool> JwtBearerOnly() => Authenticate(_jwtBearerOnly);

    /// <summary>What <see cref="JwtFastRejection"/> itself costs: all that a valid token pays for it.</summary>
    [Benchmark]
    public bool FastRejectionAlone() => JwtFastRejection.Check(_token, _parameters, DateTime.UtcNow) is null;

    private async Task<bool> Authenticate(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = _header;
        return (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded;
    }

    private static ServiceProvider Services(bool fastRejection)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddTodoInfrastructure(BenchSecrets.Configuration(("ConnectionStrings:Todos", "Data Source=:memory:")));
        if (!fastRejection)
        {
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.Events.OnMessageReceived = ReadTokenWithoutFastRejection);
        }

        return services.BuildServiceProvider();
    }

    /// <summary><c>JwtBearerEventHandlers.ReadTokenAsync</c> without its <see cref="JwtFastRejection"/> step.</summary>
    private static Task ReadTokenWithoutFastRejection(MessageReceivedContext context)
    {
        const string Scheme = "Bearer ";
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.NoResult();
            return Task.CompletedTask;
        }

        var token = authorization.AsSpan(Scheme.Length).Trim();
        if (JwtPreValidator.Check(token) is { } problem)
        {
            context.Fail(problem);
            return Task.CompletedTask;
        }

        context.Token = token.ToString();
        return Task.CompletedTask;
    }
}
