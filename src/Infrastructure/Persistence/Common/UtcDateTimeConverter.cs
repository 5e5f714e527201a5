using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>Every stored time is UTC; SQLite forgets the kind, so put it back on the way out.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
