using Microsoft.EntityFrameworkCore;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Infrastructure.UnitTests.Persistence;

/// <summary>
/// The SQLite connections are created without EF Core's decimal SQL functions (SqliteConnectionSettings): a decimal
/// property would need them, so none may appear in either store's model.
/// </summary>
public sealed class SqliteStoreModelTests
{
    [Fact]
    public void Model_WhenTheTodoStoreIsBuilt_ShouldHaveNoDecimalProperty()
    {
        using var db = new TodoDbContext(new DbContextOptionsBuilder<TodoDbContext>().UseSqlite("Data Source=:memory:").Options);

        DecimalProperties(db).Should().BeEmpty();
    }

    [Fact]
    public void Model_WhenTheAuthStoreIsBuilt_ShouldHaveNoDecimalProperty()
    {
        using var db = new AuthDbContext(new DbContextOptionsBuilder<AuthDbContext>().UseSqlite("Data Source=:memory:").Options);

        DecimalProperties(db).Should().BeEmpty();
    }

    private static IEnumerable<string> DecimalProperties(DbContext db) =>
        from entity in db.Model.GetEntityTypes()
        from property in entity.GetProperties()
        where (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal)
        select $"{entity.DisplayName()}.{property.Name}";
}
