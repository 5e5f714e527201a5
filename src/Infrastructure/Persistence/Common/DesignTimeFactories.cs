using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Infrastructure.Persistence.Common;

// Used only by `dotnet ef migrations add`; the hosts configure their contexts from configuration. One factory per
// context type: AuthDbContext/TodoDbContext own the SQLite migrations, the Postgres* subclasses the PostgreSQL ones.
// Adding a migration never opens these connections.
internal sealed class AuthDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuthDbContext>().UseSqlite("Data Source=design-time-auth.db").Options);
}

internal sealed class TodoDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TodoDbContext>
{
    public TodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TodoDbContext>().UseSqlite("Data Source=design-time-todos.db").Options);
}

internal sealed class PostgresAuthDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuthDbContext>
{
    public PostgresAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuthDbContext>().UseNpgsql("Host=localhost;Database=todoclean_design_time").Options);
}

internal sealed class PostgresTodoDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTodoDbContext>
{
    public PostgresTodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTodoDbContext>().UseNpgsql("Host=localhost;Database=todoclean_design_time").Options);
}
