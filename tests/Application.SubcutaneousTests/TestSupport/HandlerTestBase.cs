using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using TodoClean.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;
using TodoClean.Infrastructure.Security;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.TestSupport;

/// <summary>
/// The real application pipeline (<c>AddApplication</c>) over the real EF Core stores, each on its own in-memory
/// SQLite database created by the project's migrations. Ports are test doubles: a settable clock, a password hasher
/// whose hash of <c>p</c> is <see cref="HashOf"/>(p), a token issuer and the current API caller. TOTP is real (Otp.NET), its secrets encrypted with an ephemeral key ring.
/// Every <see cref="SendAsync{TResponse}(ICommand{TResponse})"/> runs in its own DI scope, like one HTTP request.
/// </summary>
public abstract class HandlerTestBase : IDisposable
{
    public const string CallerId = "caller-1";

    // Each store an in-memory SQLite database of its own, shared by every connection of this test (the write side's and
    // the read side's) and kept alive by one connection held open until the test ends.
    private readonly string _authStore = $"Data Source=auth-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly string _todoStore = $"Data Source=todos-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection _authConnection;
    private readonly SqliteConnection _todoConnection;
    private readonly ServiceProvider _provider;
    private FakeVerificationTokens? _verificationTokens;
    private (string Id, string Email, string Name) _caller = (CallerId, "caller@example.com", "Caller");

    protected HandlerTestBase()
    {
        _authConnection = new SqliteConnection(_authStore);
        _todoConnection = new SqliteConnection(_todoStore);
        _authConnection.Open();
        _todoConnection.Open();

        PasswordHasher
            .Setup(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string password, CancellationToken _) => ValueTask.FromResult(HashOf(password)));
        PasswordHasher
            .Setup(h => h.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string? hash, string password, CancellationToken _) =>
                ValueTask.FromResult(hash == HashOf(password) ? PasswordCheck.Success : PasswordCheck.Failed));
        TokenIssuer
            .Setup(i => i.Issue(It.IsAny<TokenSubject>()))
            .Returns(() => new AccessToken("issued.jwt.token", Now.AddMinutes(15)));
        Mailer.SetupGet(m => m.Enabled).Returns(true);
        Mailer.Setup(m => m.Queue(It.IsAny<AuthMail>())).Callback((AuthMail mail) => SentMail.Add(mail));
        CurrentUser.SetupGet(u => u.Id).Returns(() => _caller.Id);
        CurrentUser.SetupGet(u => u.Email).Returns(() => _caller.Email);
        CurrentUser.SetupGet(u => u.Name).Returns(() => _caller.Name);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddApplication();
        var stores = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Auth"] = _authStore,
            ["ConnectionStrings:Todos"] = _todoStore,
        }).Build();
        services.AddAuthStore(stores).AddTodoStore(stores, options => options.AddInterceptors(TodoSaveHook));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(PasswordHasher.Object);
        services.AddSingleton(TokenIssuer.Object);
        // The real TOTP maths and encryption, with a key ring that lives as long as the test.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ITotpAuthenticator, TotpAuthenticator>();
        services.AddScoped(_ => CurrentUser.Object);
        services.AddSingleton(Mailer.Object);
        services.AddSingleton<IEmailVerificationTokens>(VerificationTokens);
        services.Configure<AccountOptions>(options =>
        {
            options.RequireEmailVerification = Accounts.RequireEmailVerification;
            options.ResetPasswordTokenLifetime = Accounts.ResetPasswordTokenLifetime;
            options.RevokeSessionsOnPasswordReset = Accounts.RevokeSessionsOnPasswordReset;
            options.EmailVerificationTokenLifetime = Accounts.EmailVerificationTokenLifetime;
        });
        services.Configure<SessionOptions>(options =>
        {
            options.SessionLifetime = Sessions.SessionLifetime;
            options.SessionUpdateAge = Sessions.SessionUpdateAge;
            options.FreshAge = Sessions.FreshAge;
            options.ShortSessionLifetime = Sessions.ShortSessionLifetime;
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        using var auth = AuthDb();
        auth.Database.Migrate();
        using var todos = TodoDb();
        todos.Database.Migrate();
    }

    /// <summary>Session lifetimes the application sees; change them before the first send.</summary>
    protected SessionOptions Sessions { get; } = new()
    {
        SessionLifetime = TimeSpan.FromDays(7),
        SessionUpdateAge = TimeSpan.FromDays(1),
        FreshAge = TimeSpan.FromDays(1),
        ShortSessionLifetime = TimeSpan.FromDays(1),
    };

    /// <summary>Account-recovery settings the application sees; change them before the first send.</summary>
    protected AccountOptions Accounts { get; } = new();

    /// <summary>The mail port: enabled, and every queued message lands in <see cref="SentMail"/>.</summary>
    protected Mock<IAuthMailer> Mailer { get; } = new();

    protected List<AuthMail> SentMail { get; } = [];

    protected FakeVerificationTokens VerificationTokens => _verificationTokens ??= new FakeVerificationTokens(Clock);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected Mock<IPasswordHasher> PasswordHasher { get; } = new();

    protected Mock<ITokenIssuer> TokenIssuer { get; } = new();

    protected Mock<ICurrentUser> CurrentUser { get; } = new();

    protected LogCollector Logs { get; } = new();

    /// <summary>Lets a test run something just before the todo store's next SaveChanges.</summary>
    protected SaveChangesHook TodoSaveHook { get; } = new();

    /// <summary>What the test password hasher stores for <paramref name="password"/>.</summary>
    protected static string HashOf(string password) => "hashed:" + password;

    protected async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    protected async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>A fresh context on the auth store, for arranging and checking data.</summary>
    protected AuthDbContext AuthDb() => new(new DbContextOptionsBuilder<AuthDbContext>().UseSqlite(_authStore).Options);

    /// <summary>A fresh context on the todo store, for arranging and checking data.</summary>
    protected TodoDbContext TodoDb() => new(new DbContextOptionsBuilder<TodoDbContext>().UseSqlite(_todoStore).Options);

    /// <summary>Makes the todo API's caller (the JWT subject) somebody else.</summary>
    protected void ActAs(string id, string email, string name) => _caller = (id, email, name);

    /// <summary>A gateway user with a credential account whose password is <paramref name="password"/>.</summary>
    protected async Task<User> SeedAuthUserAsync(
        string email = "alice@example.com", string password = "correct horse battery", string name = "Alice")
    {
        await using var db = AuthDb();
        var user = User.Create(SecureIds.NewId(), email, name, image: null, Now);
        db.Users.Add(user);
        db.Accounts.Add(Account.CreateCredential(SecureIds.NewId(), user.Id, HashOf(password), Now));
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A session for <paramref name="userId"/> starting now; returns its raw bearer token.</summary>
    protected async Task<string> SeedSessionAsync(string userId, bool rememberMe = true, TimeSpan? lifetime = null)
    {
        var token = SecureIds.NewSessionToken();
        await using var db = AuthDb();
        db.Sessions.Add(Entities.Session(
            SecureIds.NewId(), SecureIds.HashToken(token), userId, Now, lifetime ?? Sessions.SessionLifetime, rememberMe));
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>The stored session behind the raw <paramref name="token"/>, or null when there is none.</summary>
    protected async Task<Session?> FindSessionAsync(string token)
    {
        await using var db = AuthDb();
        var hash = SecureIds.HashToken(token);
        return await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash);
    }

    /// <summary>A todo owned by <paramref name="ownerId"/> (mirrored into the todo store if needed), created now.</summary>
    protected async Task<TodoItem> SeedTodoAsync(
        string ownerId, string title = "Buy milk", string? description = null, DateTime? dueAt = null, bool isDone = false,
        TodoPriority priority = TodoPriority.Normal)
    {
        await using var db = TodoDb();
        if (await db.Users.FindAsync(ownerId) is null)
        {
            db.Users.Add(User.Create(ownerId, $"{ownerId}@example.com", ownerId, image: null, Now));
        }

        var item = TodoItem.Create(ownerId, title, description, dueAt, priority, Now);
        if (isDone)
        {
            item.Update(title, description, isDone: true, dueAt, priority, Now);
        }

        db.TodoItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    public void Dispose()
    {
        _provider.Dispose();
        _authConnection.Dispose();
        _todoConnection.Dispose();
        GC.SuppressFinalize(this);
    }
}
