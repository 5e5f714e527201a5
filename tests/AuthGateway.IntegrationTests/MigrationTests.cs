using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Both stores keep one migration set per provider (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>). A model change
/// without a migration for either provider fails here, before any host refuses to start on it.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string, StoreProvider> Stores() => new()
    {
        { "Auth", StoreProvider.Sqlite },
        { "Auth", StoreProvider.Postgres },
        { "Todos", StoreProvider.Sqlite },
        { "Todos", StoreProvider.Postgres },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public void Model_ShouldHaveNoChangeThatLacksAMigration(string store, StoreProvider provider)
    {
        using var db = Create(store, provider);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the model changed without a migration: dotnet ef migrations add <Name> -p src/Infrastructure -s src/Infrastructure " +
            $"--context {db.GetType().Name} -o Persistence/{store}/Migrations/{provider}");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void PendingModelCheck_WhenTheModelGainsAnIndex_ShouldNoticeIt(string store, StoreProvider provider)
    {
        using var db = Create(store, provider, options => options.ReplaceService<IModelCustomizer, ExtraIndexCustomizer>());

        db.Database.HasPendingModelChanges().Should().BeTrue();
    }

    [Theory]
    [InlineData("Auth")]
    [InlineData("Todos")]
    public void Migrations_ShouldBeKeptInStepAndEachProviderShouldSeeOnlyItsOwn(string store)
    {
        using var sqlite = Create(store, StoreProvider.Sqlite);
        using var postgres = Create(store, StoreProvider.Postgres);

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values;
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Values;

        sqliteMigrations.Should().NotBeEmpty().And.OnlyContain(t => t.Namespace!.EndsWith($".{store}.Migrations.Sqlite", StringComparison.Ordinal));
        postgresMigrations.Should().OnlyContain(t => t.Namespace!.EndsWith($".{store}.Migrations.Postgres", StringComparison.Ordinal));
        postgresMigrations.Select(t => t.Name).Should().Equal(sqliteMigrations.Select(t => t.Name), "each migration exists for both providers, in the same order");
    }

    private static DbContext Create(string store, StoreProvider provider, Action<DbContextOptionsBuilder>? configure = null)
    {
        // Never opened: the pending-change check compares the code's model with the migrations' snapshot.
        const string sqlite = "Data Source=:memory:";
        const string postgres = "Host=127.0.0.1;Database=never_opened";
        return (store, provider) switch
        {
            ("Auth", StoreProvider.Sqlite) => new AuthDbContext(Options(new DbContextOptionsBuilder<AuthDbContext>().UseSqlite(sqlite), configure)),
            ("Auth", StoreProvider.Postgres) => new PostgresAuthDbContext(Options(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql(postgres), configure)),
            ("Todos", StoreProvider.Sqlite) => new TodoDbContext(Options(new DbContextOptionsBuilder<TodoDbContext>().UseSqlite(sqlite), configure)),
            ("Todos", StoreProvider.Postgres) => new PostgresTodoDbContext(Options(new DbContextOptionsBuilder<PostgresTodoDbContext>().UseNpgsql(postgres), configure)),
            _ => throw new ArgumentOutOfRangeException(nameof(store), store, null),
        };
    }

    private static DbContextOptions<TContext> Options<TContext>(DbContextOptionsBuilder<TContext> builder, Action<DbContextOptionsBuilder>? configure)
        where TContext : DbContext
    {
        configure?.Invoke(builder);
        return builder.Options;
    }

    /// <summary>A model change nobody wrote a migration for: an extra index on the users table both stores have.</summary>
    private sealed class ExtraIndexCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<User>().HasIndex(u => u.Name);
        }
    }
}
