using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Benchmarks;

/// <summary>Settings the benchmarks share: a random JWT secret per run and the production JWT options.</summary>
internal static class BenchSecrets
{
    public static readonly string JwtSecret = Base64Url(RandomNumberGenerator.GetBytes(48));

    public static IOptions<JwtOptions> JwtOptions(string? secret = null) =>
        Options.Create(new JwtOptions { Secret = secret ?? JwtSecret });

    /// <summary>Configuration as a host reads it, plus <paramref name="settings"/>.</summary>
    public static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new KeyValuePair<string, string?>("Jwt:Secret", JwtSecret)))
            .Build();

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
