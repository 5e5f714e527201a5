using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>Every stored time is UTC; the providers hand it back unmarked (SQLite) or as UTC (PostgreSQL).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
