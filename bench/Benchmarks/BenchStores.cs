using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Benchmarks;

/// <summary>
/// The hosts' own registrations (<c>AddApplication().AddTodoInfrastructure(…)</c> / <c>AddAuthInfrastructure(…)</c>,
/// pooled contexts included) over a private in-memory SQLite database created by the real migrations.
/// </summary>
internal sealed class BenchStores : IDisposable
{
    public const string OwnerId = "bench-owner-0000000000000000000000";

    private readonly SqliteConnection _keepAlive;

    private BenchStores(ServiceProvider services, SqliteConnection keepAlive)
    {
        Services = services;
        _keepAlive = keepAlive;
        ConnectionString = keepAlive.ConnectionString;
    }

    public ServiceProvider Services { get; }

    /// <summary>The store's connection string, for code that reads it without the application (the reference host's way).</summary>
    public string ConnectionString { get; }

    /// <summary>The todo API's services; <see cref="OwnerId"/> owns <paramref name="ownerTodos"/> todos among other users' todos.</summary>
    public static BenchStores Todos(int ownerTodos, int otherUsers = 50, int todosPerOtherUser = 20)
    {
        var (connectionString, keepAlive) = InMemory();
        var services = new ServiceCollection()
            .AddLogging()
            .AddApplication()
            .AddTodoInfrastructure(BenchSecrets.Configuration(("ConnectionStrings:Todos", connectionString)))
            .AddScoped<ICurrentUser>(_ => new Caller(OwnerId))
            .BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TodoDbContext>();
            db.Database.Migrate();
            var now = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
            Seed(db, OwnerId, ownerTodos, now);
            for (var u = 0; u < otherUsers; u++)
            {
                Seed(db, $"bench-other-{u:D6}", todosPerOtherUser, now);
            }

            db.SaveChanges();
        }

        return new BenchStores(services, keepAlive);
    }

    /// <summary>
    /// The auth gateway's services over an auth store with <paramref name="users"/> users, each with one live session
    /// (tokens in <see cref="SessionTokens"/>), as the load test seeds it.
    /// </summary>
    public static BenchStores Auth(int users = 0)
    {
        var (connectionString, keepAlive) = InMemory();
        var services = new ServiceCollection()
            .AddLogging()
            .AddApplication()
            .AddAuthInfrastructure(BenchSecrets.Configuration(("ConnectionStrings:Auth", connectionString)))
            .BuildServiceProvider();
        var tokens = new List<string>(users);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            db.Database.Migrate();
            var now = DateTime.UtcNow;
            for (var i = 0; i < users; i++)
            {
                var user = User.Create(SecureIds.NewId(), $"user{i}@bench.test", $"Bench User {i}", image: null, now);
                var token = SecureIds.NewSessionToken();
                db.Users.Add(user);
                db.Sessions.Add(Session.Start(
                    SecureIds.NewId(), SecureIds.HashToken(token), user.Id, now, TimeSpan.FromDays(7), rememberMe: true,
                    "127.0.0.1", "bench"));
                tokens.Add(token);
            }

            db.SaveChanges();
        }

        return new BenchStores(services, keepAlive) { SessionTokens = tokens };
    }

    /// <summary>The raw session tokens of the users <see cref="Auth"/> seeded.</summary>
    public IReadOnlyList<string> SessionTokens { get; private init; } = [];

    /// <summary>Adds a user and <paramref name="count"/> todos shaped like real ones (some with descriptions and due dates).</summary>
    public static void Seed(TodoDbContext db, string userId, int count, DateTime now)
    {
        db.Users.Add(User.Create(userId, $"{userId}@bench.test", $"Bench {userId[^4..]}", image: null, now));
        SeedTodos(db, userId, count, now);
    }

    /// <summary>Adds <paramref name="count"/> todos of <paramref name="userId"/>, created a minute apart before <paramref name="now"/>.</summary>
    public static void SeedTodos(TodoDbContext db, string userId, int count, DateTime now)
    {
        for (var i = 0; i < count; i++)
        {
            var created = now.AddMinutes(-count + i);
            db.TodoItems.Add(TodoItem.Create(
                userId,
                $"Todo number {i} for the benchmark",
                i % 2 == 0 ? $"A description of todo {i}, long enough to look like what people write." : null,
                i % 3 == 0 ? created.AddDays(3) : null,
                (TodoPriority)(i % 3),
                created));
        }
    }

    public void Dispose()
    {
        Services.Dispose();
        _keepAlive.Dispose();
    }

    // A named shared in-memory database lives as long as one connection to it is open.
    private static (string ConnectionString, SqliteConnection KeepAlive) InMemory()
    {
        var connectionString = $"Data Source=bench-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        return (connectionString, keepAlive);
    }

    private sealed class Caller(string id) : ICurrentUser
    {
        public string Id => id;

        public string Email => $"{id}@bench.test";

        public string Name => "Bench Owner";
    }
}
