using Microsoft.EntityFrameworkCore;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Common.Interfaces;

/// <summary>The todo API's store: the mirror of users it has seen and their todos.</summary>
public interface ITodoDbContext
{
    DbSet<User> Users { get; }
    DbSet<TodoItem> TodoItems { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction (see <see cref="IAuthDbContext.InTransactionAsync{T}"/>).</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
