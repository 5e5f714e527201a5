using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Todos;

/// <summary>
/// The store as the application sees it. On SQLite (the default) this type is used as is and owns the migrations in
/// <c>Migrations/Sqlite</c>; on PostgreSQL the runtime type is <see cref="PostgresTodoDbContext"/>, which owns <c>Migrations/Postgres</c>.
/// </summary>
public class TodoDbContext : DbContext, ITodoDbContext
{
    public TodoDbContext(DbContextOptions<TodoDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclass, which owns its migrations and adds PostgreSQL-only column details.</summary>
    protected TodoDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<User> Users => Set<User>();
    public DbSet<TodoItem> TodoItems => Set<TodoItem>();

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        // As AuthDbContext: inside the provider's execution strategy, so a retried attempt reruns the whole transaction.
        Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            ChangeTracker.Clear();
            await using var transaction = await Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TodoDbContext).Assembly, t => t.Namespace == typeof(Configurations.TodoItemConfiguration).Namespace);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.StoreTimesAsUtc();
}
