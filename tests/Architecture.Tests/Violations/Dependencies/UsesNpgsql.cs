using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the PostgreSQL ADO.NET provider and EF Core's PostgreSQL provider.</summary>
internal static class UsesNpgsql
{
    public static NpgsqlConnection Open(string connectionString) => new(connectionString);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
}
