using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TodoClean.Infrastructure.Persistence.Common;

internal static class PersistenceRegistration
{
    /// <summary>
    /// Registers a store: a pooled EF Core context (the write side) for <c>ConnectionStrings:{name}</c> on the configured
    /// provider, and the same store's connections for the read side (<see cref="StoreDataSource{TContext}"/>). On
    /// PostgreSQL the context's runtime type is <typeparamref name="TPostgresContext"/> (its own migrations, and any
    /// PostgreSQL-only model detail); it is still resolved as <typeparamref name="TContext"/>.
    /// </summary>
    public static void AddStore<TContext, TPostgresContext>(
        this IServiceCollection services, IConfiguration configuration, string connectionName, string defaultConnection,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TPostgresContext : TContext
    {
        var connectionString = configuration.GetConnectionString(connectionName);
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider
            ?? DatabaseProvider.Sqlite;
        DapperTypeHandlers.EnsureRegistered();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(connectionString) ? defaultConnection : connectionString;
                services.AddDbContextPool<TContext>(options =>
                {
                    options.UseSqlite(sqlite).AddInterceptors(SqlitePragmas.Instance);
                    LogFailedCommandsAsExceptions(options);
                    configure?.Invoke(options);
                });
                services.AddSingleton(new StoreDataSource<TContext>(
                    SqliteFactory.Instance.CreateDataSource(sqlite), new StoreDialect(DatabaseProvider.Sqlite)));
                break;
            case DatabaseProvider.Postgres:
                // One data source (one pool) for both sides. EF Core may retry a whole operation after a transient
                // failure such as a failover or a dropped connection; explicit transactions run inside that retry.
                var postgres = new StoreDataSource<TContext>(
                    NpgsqlDataSource.Create(PostgresConnectionString(connectionString, connectionName)),
                    new StoreDialect(DatabaseProvider.Postgres));
                services.AddSingleton(postgres);
                services.AddDbContextPool<TContext, TPostgresContext>(options =>
                {
                    options.UseNpgsql(postgres.Source, npgsql => npgsql.EnableRetryOnFailure(3, TimeSpan.FromSeconds(2), null));
                    LogFailedCommandsAsExceptions(options);
                    configure?.Invoke(options);
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
        }
    }

    /// <summary>
    /// A failed command reaches the code that ran it as an exception, and that code decides what it means: a unique index
    /// deciding a race of two sign-ups, or a stale version of a todo, is an expected answer (422, 412), and anything else
    /// is logged as an error with its request by the unexpected-exception logging (the mediator's behaviour and the
    /// host's exception handler). EF Core's own error entries for the same failure (the failed command, the failed save)
    /// would log every expected conflict as an error, so they are kept at Information, below the hosts' default level
    /// for EF Core.
    /// </summary>
    private static void LogFailedCommandsAsExceptions(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Information),
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (CoreEventId.OptimisticConcurrencyException, LogLevel.Information)));

    /// <summary>
    /// The configured PostgreSQL connection string, or a clear refusal when it is missing or still the SQLite default
    /// (the value is never echoed: it may hold a password).
    /// </summary>
    private static string PostgresConnectionString(string? connectionString, string connectionName)
    {
        string? host = null;
        try
        {
            host = string.IsNullOrWhiteSpace(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString).Host;
        }
        catch (ArgumentException)
        {
            // Not a PostgreSQL connection string (for example the SQLite default "Data Source=…"); refused below.
        }

        return string.IsNullOrWhiteSpace(host)
            ? throw new InvalidOperationException(
                $"Database:Provider is Postgres, so ConnectionStrings:{connectionName} (env ConnectionStrings__{connectionName}) " +
                "must be a PostgreSQL connection string such as 'Host=127.0.0.1;Port=5432;Database=todoclean;Username=todoclean;Password=…'.")
            : connectionString!;
    }

    /// <summary>Applies pending migrations (creating the SQLite file's folder first) when the flag is on.</summary>
    public static async Task MigrateAsync<TContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<TContext>>();
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never wait for the writer. The setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.LogInformation("Store {Store} is migrated on {Provider}", typeof(TContext).Name, db.Database.ProviderName);
    }
}
