using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// How Dapper reads and binds the types the stores keep in a provider-specific form. PostgreSQL hands back
/// <see cref="Guid"/>, <see cref="DateTime"/> (UTC) and <see cref="bool"/> as such; SQLite has no such types and keeps
/// what EF Core writes: a GUID as upper-case text, a time as UTC text (<c>2026-11-25 10:00:00.1234567</c>), a boolean as
/// 0 or 1. Registered once per process (Dapper's handlers are global).
/// </summary>
internal static class DapperTypeHandlers
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        SqlMapper.AddTypeHandler(new BooleanHandler());
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override Guid Parse(object value) => value as Guid? ?? Guid.Parse((string)value);

        // EF Core's SQLite provider stores and compares GUIDs as upper-case text.
        public override void SetValue(IDbDataParameter parameter, Guid value) =>
            parameter.Value = parameter is SqliteParameter ? value.ToString().ToUpperInvariant() : value;
    }

    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override DateTime Parse(object value) => value is DateTime time
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        public override void SetValue(IDbDataParameter parameter, DateTime value) => parameter.Value = value;
    }

    private sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
    {
        public override bool Parse(object value) => value as bool? ?? Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;

        public override void SetValue(IDbDataParameter parameter, bool value) => parameter.Value = value;
    }
}
