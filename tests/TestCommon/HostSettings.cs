namespace TodoClean.TestCommon;

/// <summary>Settings every test host gets: the shared secret, quiet logs and fast (test-only) password hashing.</summary>
public static class HostSettings
{
    /// <summary>PBKDF2 iterations in tests: production cost would make the suites slow without testing anything more.</summary>
    public const string TestHashIterations = "1000";

    public static Dictionary<string, string?> Gateway(string authDbPath, string? secret = null) => new()
    {
        ["Jwt:Secret"] = secret ?? TestSecrets.JwtSecret,
        ["ConnectionStrings:Auth"] = $"Data Source={authDbPath}",
        ["PasswordHashing:Iterations"] = TestHashIterations,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // Functional suites sign up hundreds of users from one address; the security suite tests the limits.
        ["RateLimiting:Enabled"] = "false",
    };

    public static Dictionary<string, string?> Api(string todosDbPath, string? secret = null) => new()
    {
        ["Jwt:Secret"] = secret ?? TestSecrets.JwtSecret,
        ["ConnectionStrings:Todos"] = $"Data Source={todosDbPath}",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    /// <summary>The gateway's settings on <paramref name="store"/> (SQLite or PostgreSQL).</summary>
    public static Dictionary<string, string?> Gateway(TestStore store, string? secret = null) =>
        On(Gateway(string.Empty, secret), store, "Auth");

    /// <summary>The API's settings on <paramref name="store"/> (SQLite or PostgreSQL).</summary>
    public static Dictionary<string, string?> Api(TestStore store, string? secret = null) =>
        On(Api(string.Empty, secret), store, "Todos");

    private static Dictionary<string, string?> On(Dictionary<string, string?> settings, TestStore store, string connectionName)
    {
        foreach (var (key, value) in store.Settings(connectionName))
        {
            settings[key] = value;
        }

        return settings;
    }
}
