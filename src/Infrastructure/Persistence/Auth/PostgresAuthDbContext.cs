using Microsoft.EntityFrameworkCore;

namespace TodoClean.Infrastructure.Persistence.Auth;

/// <summary>
/// <see cref="AuthDbContext"/> on PostgreSQL. Same model; a type of its own only so that EF Core keeps its migrations
/// (<c>Migrations/Postgres</c>, <c>[DbContext(typeof(PostgresAuthDbContext))]</c>) apart from the SQLite ones in the same assembly.
/// </summary>
public sealed class PostgresAuthDbContext(DbContextOptions<PostgresAuthDbContext> options) : AuthDbContext(options);
