using Microsoft.Data.Sqlite;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses the SQLite ADO.NET provider.</summary>
internal static class UsesSqlite
{
    public static SqliteConnection Open(string connectionString) => new(connectionString);
}
