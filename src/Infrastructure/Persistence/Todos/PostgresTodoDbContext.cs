using Microsoft.EntityFrameworkCore;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Infrastructure.Persistence.Todos;

/// <summary>
/// <see cref="TodoDbContext"/> on PostgreSQL. A type of its own so that EF Core keeps its migrations
/// (<c>Migrations/Postgres</c>, <c>[DbContext(typeof(PostgresTodoDbContext))]</c>) apart from the SQLite ones in the same
/// assembly; the model is the same but for the collation of the text the todo list searches and sorts.
/// </summary>
public sealed class PostgresTodoDbContext(DbContextOptions<PostgresTodoDbContext> options) : TodoDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite compares, sorts and lower-cases text byte by byte (lower() folds ASCII only). PostgreSQL follows the
        // database's locale unless a column says otherwise; "C" on the searched and sorted columns makes both stores
        // answer `search=` and `sort=title` the same, whatever locale the server was created with.
        modelBuilder.Entity<TodoItem>(todo =>
        {
            todo.Property(t => t.Title).UseCollation("C");
            todo.Property(t => t.Description).UseCollation("C");
            todo.Property(t => t.SearchKey).UseCollation("C");
        });
    }
}
