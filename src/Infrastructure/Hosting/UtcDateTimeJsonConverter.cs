using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// Times on the wire are ISO 8601 UTC with milliseconds (<c>2026-11-25T10:00:00.000Z</c>), as Better Auth writes
/// them. Input with an offset is converted to UTC; input without one is taken as UTC.
/// </summary>
public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : throw new JsonException("The JSON value could not be converted to a date: use ISO 8601, like 2026-11-25T10:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[24];
        var utc = value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
        utc.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
