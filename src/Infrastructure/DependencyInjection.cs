using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using SessionOptions = TodoClean.Application.Auth.Common.SessionOptions;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.CheckPasswordResetToken;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.Users.Common;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Mail;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Common;
using TodoClean.Infrastructure.Persistence.Todos;
using TodoClean.Infrastructure.Security;
using TodoClean.Infrastructure.Security.Keys;
using TodoClean.Infrastructure.Security.Revocation;

namespace TodoClean.Infrastructure;

public static class DependencyInjection
{
    /// <summary>What the auth gateway needs: the auth store, the JWT issuer and password hashing.</summary>
    public static IServiceCollection AddAuthInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShared(configuration);
        services.AddAuthStore(configuration);
        // Secrets the gateway keeps encrypted at rest (signing keys, two-factor secrets) use one key ring, stored in
        // the auth store so that every instance can read what another wrote.
        services.AddDataProtection().SetApplicationName("TodoClean.AuthGateway").PersistKeysToDbContext<AuthDbContext>();
        services.AddHealthChecks().AddDbContextCheck<AuthDbContext>("auth-store");

        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddOptions<PasswordHashingOptions>()
            .Bind(configuration.GetSection(PasswordHashingOptions.SectionName))
            .Validate(o => o.Iterations > 0 && o.MaxConcurrency > 0, "PasswordHashing:Iterations and :MaxConcurrency must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher, Pbkdf2PasswordHasher>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName))
            .Validate(o => !o.SmtpConfigured || o.Smtp.Port is > 0 and < 65536, "Mail:Smtp:Port must be a TCP port.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Mail:From must be an address such as TodoClean <no-reply@example.com>.")
            .ValidateOnStart();
        services.AddSingleton<AuthMailer>();
        services.AddSingleton<IAuthMailer>(sp => sp.GetRequiredService<AuthMailer>());
        services.AddHostedService(sp => sp.GetRequiredService<AuthMailer>());
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.SectionName))
            .Validate(o => o.ResetPasswordTokenLifetime > TimeSpan.Zero && o.EmailVerificationTokenLifetime > TimeSpan.Zero,
                "Auth:ResetPasswordTokenLifetime and Auth:EmailVerificationTokenLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ITotpAuthenticator, TotpAuthenticator>();
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.SectionName))
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.SessionUpdateAge > TimeSpan.Zero && o.ShortSessionLifetime > TimeSpan.Zero,
                "Auth:SessionLifetime, Auth:SessionUpdateAge and Auth:ShortSessionLifetime must be positive.")
            .ValidateOnStart();

        services.AddUnavailable<ITodoDbContext>("the todo store belongs to WebApi");
        services.AddUnavailable<ITodoItemQueries>("the todo store belongs to WebApi");
        services.AddUnavailable<IUserQueries>("the todo store belongs to WebApi");
        services.AddUnavailable<ICurrentUser>("the JWT caller exists only in WebApi");
        return services;
    }

    /// <summary>What the todo API needs: the todo store and the one JwtBearer validation setup.</summary>
    public static IServiceCollection AddTodoInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShared(configuration);
        services.AddTodoStore(configuration);
        services.AddHealthChecks().AddDbContextCheck<TodoDbContext>("todo-store");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
        services.AddJwksKeySource();
        services.AddSingleton<ForeignKeyDiagnosis>();
        services.AddRevocationFeed(configuration);
        services.AddAuthorization();

        services.AddUnavailable<IAuthDbContext>("the auth store belongs to AuthGateway");
        services.AddUnavailable<ISessionQueries>("the auth store belongs to AuthGateway");
        services.AddUnavailable<IRevocationQueries>("the auth store belongs to AuthGateway");
        services.AddUnavailable<IPasswordResetQueries>("the auth store belongs to AuthGateway");
        services.AddUnavailable<ITokenIssuer>("only AuthGateway mints tokens");
        services.AddUnavailable<IPasswordHasher>("passwords are AuthGateway's business");
        services.AddUnavailable<ITotpAuthenticator>("two-factor sign-in is AuthGateway's business");
        services.AddUnavailable<IAuthMailer>("account mail is AuthGateway's business");
        services.AddUnavailable<IEmailVerificationTokens>("email verification is AuthGateway's business");
        return services;
    }

    /// <summary>
    /// The auth store (<c>ConnectionStrings:Auth</c>, <c>Database:Provider</c>): its write side behind
    /// <see cref="IAuthDbContext"/> and its read side behind <see cref="ISessionQueries"/>. <paramref name="configure"/>
    /// adds to the write side's context options (tests add interceptors).
    /// </summary>
    public static IServiceCollection AddAuthStore(
        this IServiceCollection services, IConfiguration configuration, Action<DbContextOptionsBuilder>? configure = null)
    {
        services.AddStore<AuthDbContext, PostgresAuthDbContext>(configuration, "Auth", "Data Source=data/auth.db", configure);
        services.AddScoped<IAuthDbContext>(sp => sp.GetRequiredService<AuthDbContext>());
        services.AddSingleton<ISessionQueries, SessionQueries>();
        services.AddSingleton<IRevocationQueries, RevocationQueries>();
        services.AddSingleton<IPasswordResetQueries, PasswordResetQueries>();
        services.AddSingleton(sp => new RateLimitCounters(
            sp.GetRequiredService<StoreDataSource<AuthDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The todo store (<c>ConnectionStrings:Todos</c>, <c>Database:Provider</c>): its write side behind
    /// <see cref="ITodoDbContext"/> and its read side behind <see cref="ITodoItemQueries"/> and <see cref="IUserQueries"/>.
    /// <paramref name="configure"/> adds to the write side's context options (tests add interceptors).
    /// </summary>
    public static IServiceCollection AddTodoStore(
        this IServiceCollection services, IConfiguration configuration, Action<DbContextOptionsBuilder>? configure = null)
    {
        services.AddStore<TodoDbContext, PostgresTodoDbContext>(configuration, "Todos", "Data Source=data/todos.db", configure);
        services.AddScoped<ITodoDbContext>(sp => sp.GetRequiredService<TodoDbContext>());
        services.AddSingleton<ITodoItemQueries, TodoItemQueries>();
        services.AddSingleton<IUserQueries, TodoUserQueries>();
        return services;
    }

    /// <summary>
    /// Runs the host with its store: the server starts while the store's migrations are applied (when
    /// <c>Database:MigrateOnStartup</c> is on, the default), and requests wait for them at the <see cref="StoreGate"/>.
    /// Overlapping the two takes a few hundred milliseconds off start-up; a store that holds the Data Protection key ring
    /// is migrated before the host starts, because the framework reads the ring at start. A store that cannot be migrated
    /// stops the host with the error, as before.
    /// </summary>
    public static async Task RunWithStoreAsync<TContext>(this WebApplication app)
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        var migration = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup
            ? Task.Run(() => PersistenceRegistration.MigrateAsync<TContext>(app.Services, app.Lifetime.ApplicationStopping))
            : Task.CompletedTask;
        app.Services.GetRequiredService<StoreGate>().WaitFor(migration);
        try
        {
            // Data Protection reads its key ring from the store as the host starts: that store must be migrated first.
            if (typeof(IDataProtectionKeyContext).IsAssignableFrom(typeof(TContext)))
            {
                await migration;
            }

            await app.StartAsync();
            await migration;
        }
        catch
        {
            await app.StopAsync();
            throw;
        }

        await app.WaitForShutdownAsync();
    }

    private static void AddShared(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RevocationOptions>().Bind(configuration.GetSection(RevocationOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.StaleAfter > TimeSpan.Zero && o.StartupWait >= TimeSpan.Zero,
                "Revocation:PollInterval and Revocation:StaleAfter must be positive.")
            .Validate(o => o.FeedUrl is null || Uri.TryCreate(o.FeedUrl, UriKind.Absolute, out _),
                "Revocation:FeedUrl must be an absolute URL such as http://localhost:5100.")
            .ValidateOnStart();
        services.AddSingleton<RevocationFeedKey>();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// The API's copy of the gateway's revocation feed (<see cref="RevocationOptions"/>): always the in-memory list the
    /// JWT check consults; the poller and its health check only when <c>Revocation:FeedUrl</c> is set.
    /// </summary>
    private static void AddRevocationFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RevokedTokens>();
        var feedUrl = configuration.GetSection(RevocationOptions.SectionName).Get<RevocationOptions>()?.FeedUrl;
        if (string.IsNullOrWhiteSpace(feedUrl) || !Uri.TryCreate(feedUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress))
        {
            return;
        }

        services.AddHttpClient(RevocationOptions.HttpClientName, client =>
        {
            client.BaseAddress = baseAddress;
            client.Timeout = TimeSpan.FromSeconds(2);
        });
        services.AddSingleton<RevocationFeedPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<RevocationFeedPoller>());
        services.AddHealthChecks().AddCheck<RevocationFeedHealthCheck>("revocation-feed");
    }

    /// <summary>
    /// The keys published at <c>Jwt:JwksUrl</c> (<see cref="JwksKeySource"/>), fetched through their own client: a short
    /// timeout, no redirects (an https URL is never left for another address).
    /// </summary>
    private static void AddJwksKeySource(this IServiceCollection services)
    {
        services.AddHttpClient(JwksRetrieval.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<JwtOptions>>().Value.JwksTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<JwksRetrieval>();
        services.AddSingleton<JwksKeySource>();
    }

    /// <summary>
    /// Registers a port this host deliberately does not provide, so a use case of the other host that is resolved
    /// here fails with a clear message (and dependency validation at build time still passes).
    /// </summary>
    private static void AddUnavailable<TService>(this IServiceCollection services, string reason)
        where TService : class =>
        services.AddScoped<TService>(_ => throw new InvalidOperationException(
            $"{typeof(TService).Name} is not available in this host: {reason}."));
}
