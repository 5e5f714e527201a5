using Microsoft.EntityFrameworkCore;
using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Common.Interfaces;

/// <summary>The auth gateway's store: users, their credentials and their sessions.</summary>
public interface IAuthDbContext
{
    DbSet<User> Users { get; }
    DbSet<Account> Accounts { get; }
    DbSet<Session> Sessions { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
