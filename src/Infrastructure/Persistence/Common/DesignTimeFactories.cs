using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Infrastructure.Persistence.Common;

// Used only by `dotnet ef migrations add`; the hosts configure their contexts from configuration.
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
