using Microsoft.Extensions.Configuration;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>Fail-fast checks run before the host is built: one clear line and a non-zero exit, no stack trace.</summary>
public static class StartupCheck
{
    /// <summary>Null when the JWT secret is usable; otherwise the one line to print.</summary>
    public static string? JwtSecretProblem(IConfiguration configuration, string environmentVariable) =>
        JwtSecretRules.Check(configuration[$"{JwtOptions.SectionName}:Secret"], $"{environmentVariable} (or Jwt__Secret)");

    /// <summary>Writes <paramref name="problem"/> as the one fatal line and returns the process exit code.</summary>
    public static int Refuse(string hostName, string problem)
    {
        Console.Error.WriteLine($"[FTL] {hostName} cannot start: {problem}");
        return 2;
    }
}
