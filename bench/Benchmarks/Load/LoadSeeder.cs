using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Benchmarks.Load;

/// <summary>
/// Fills the stores of the load test (bench/load/run-load.ps1) straight through the production EF Core contexts and
/// domain factories, and writes the credentials the wrk scripts rotate through:
/// <list type="bullet">
/// <item>auth store: N users, each with a credential account and one live session. Every account stores the same
/// password hash, made once by the production hasher at the configured cost, so sign-in verifies at the real cost
/// without N × 0.1 s of seeding;</item>
/// <item>todo store: the same N users and M todos each;</item>
/// <item>cookies.txt (signed session cookies, Better Auth's <c>token.signature</c> format over <c>BENCH_COOKIE_SECRET</c>,
/// which the gateway gets as <c>Auth__Secret</c>), jwts.txt (one JWT per session from the production issuer),
/// bad-jwts.txt (four kinds of invalid token), emails.txt, password.txt.</item>
/// </list>
/// Secrets come from the environment (<c>BENCH_JWT_SECRET</c>, <c>BENCH_COOKIE_SECRET</c>), never the command line.
/// </summary>
internal static class LoadSeeder
{
    public const string Password = "bench-password-1234";

    public static bool Handles(string command) => command is "seed" or "count";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args.Skip(1).ToArray());
        switch (args[0])
        {
            case "count":
                Console.WriteLine(await CountTodosAsync(options["todos"]));
                return 0;
            default:
                await SeedAsync(
                    options["auth"], options["todos"], options["out"],
                    int.Parse(options.GetValueOrDefault("users", "1000"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("todos-per-user", "20"), CultureInfo.InvariantCulture));
                return 0;
        }
    }

    private static async Task SeedAsync(string authPath, string todosPath, string outDir, int users, int todosPerUser)
    {
        var clock = Stopwatch.StartNew();
        var jwtSecret = Required("BENCH_JWT_SECRET");
        var cookieKey = Encoding.UTF8.GetBytes(Required("BENCH_COOKIE_SECRET"));
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PasswordHashing__Iterations"), out var configured)
            ? configured
            : PasswordHashingOptions.ProductionIterations;
        var now = DateTime.UtcNow;

        using var hasher = new Pbkdf2PasswordHasher(Options.Create(new PasswordHashingOptions { Iterations = iterations }));
        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        var jwtOptions = Options.Create(new JwtOptions { Secret = jwtSecret });
        var issuer = new JwtTokenIssuer(new JwtSigningKey(jwtOptions), jwtOptions, TimeProvider.System);
        var foreignOptions = Options.Create(new JwtOptions { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) });
        var foreignIssuer = new JwtTokenIssuer(new JwtSigningKey(foreignOptions), foreignOptions, TimeProvider.System);
        var expiredIssuer = new JwtTokenIssuer(new JwtSigningKey(jwtOptions), jwtOptions, new PastTime(TimeSpan.FromHours(1)));

        var cookies = new List<string>(users);
        var jwts = new List<string>(users);
        var badJwts = new List<string>(users);
        var emails = new List<string>(users);

        await using (var auth = new AuthDbContext(Sqlite<AuthDbContext>(authPath)))
        await using (var todos = new TodoDbContext(Sqlite<TodoDbContext>(todosPath)))
        {
            await auth.Database.MigrateAsync();
            await todos.Database.MigrateAsync();
            auth.ChangeTracker.AutoDetectChangesEnabled = false;
            todos.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < users; i++)
            {
                var email = $"user{i}@bench.test";
                var name = $"Bench User {i}";
                var user = User.Create(SecureIds.NewId(), email, name, image: null, now);
                var token = SecureIds.NewSessionToken();
                var session = Session.Start(
                    SecureIds.NewId(), SecureIds.HashToken(token), user.Id, now, TimeSpan.FromDays(7), rememberMe: true,
                    "127.0.0.1", "wrk");
                auth.Users.Add(user);
                auth.Accounts.Add(Account.CreateCredential(SecureIds.NewId(), user.Id, hash, now));
                auth.Sessions.Add(session);

                todos.Users.Add(User.Create(user.Id, email, name, image: null, now));
                BenchStores.SeedTodos(todos, user.Id, todosPerUser, now);

                var subject = new TokenSubject(user.Id, session.Id, email, name, EmailVerified: false, Image: null);
                emails.Add(email);
                cookies.Add(SignedCookie(cookieKey, token));
                var jwt = issuer.Issue(subject).Token;
                jwts.Add(jwt);
                badJwts.Add((i % 4) switch
                {
                    0 => jwt[..(jwt.LastIndexOf('.') + 1)] + BenchSecrets.Base64Url(RandomNumberGenerator.GetBytes(32)),
                    1 => foreignIssuer.Issue(subject).Token,
                    2 => expiredIssuer.Issue(subject).Token,
                    _ => BenchSecrets.Base64Url(RandomNumberGenerator.GetBytes(180)),
                });
            }

            await auth.SaveChangesAsync();
            await todos.SaveChangesAsync();
        }

        Directory.CreateDirectory(outDir);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "cookies.txt"), cookies);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "jwts.txt"), jwts);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "bad-jwts.txt"), badJwts);
        await File.WriteAllLinesAsync(Path.Combine(outDir, "emails.txt"), emails);
        await File.WriteAllTextAsync(Path.Combine(outDir, "password.txt"), Password);
        Console.WriteLine(
            $"Seeded {users} users, {users} sessions and {users * todosPerUser} todos in {clock.Elapsed.TotalSeconds:F1} s " +
            $"(one shared password hash at {iterations} iterations).");
    }

    private static async Task<long> CountTodosAsync(string todosPath)
    {
        await using var connection = new SqliteConnection($"Data Source={todosPath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM todo_items";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Better Auth's signed cookie value: <c>token.base64(HMAC-SHA256(secret, token))</c>, URL-encoded.</summary>
    private static string SignedCookie(byte[] key, string token) =>
        Uri.EscapeDataString($"{token}.{Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(token)))}");

    private static DbContextOptions<T> Sqlite<T>(string path)
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite($"Data Source={path}").Options;

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {variable} for the seeder.");

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    /// <summary>A clock <paramref name="offset"/> behind, for tokens that are already expired.</summary>
    private sealed class PastTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() - offset;
    }
}
