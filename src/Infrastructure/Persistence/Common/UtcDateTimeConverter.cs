using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>Every stored time is UTC; PostgreSQL (<c>timestamp with time zone</c>) hands it back as such.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
