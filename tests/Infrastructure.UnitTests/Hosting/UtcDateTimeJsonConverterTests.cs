using System.Text.Json;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Infrastructure.UnitTests.Hosting;

/// <summary>Times on the wire: ISO 8601 UTC with milliseconds, as Better Auth writes them.</summary>
public sealed class UtcDateTimeJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new UtcDateTimeJsonConverter() } };

    [Theory]
    [InlineData(2026, 11, 25, 10, 0, 0, 0, "2026-11-25T10:00:00.000Z")]
    [InlineData(2026, 1, 2, 3, 4, 5, 6, "2026-01-02T03:04:05.006Z")]
    [InlineData(999, 12, 31, 23, 59, 59, 999, "0999-12-31T23:59:59.999Z")]
    [InlineData(1, 1, 1, 0, 0, 0, 0, "0001-01-01T00:00:00.000Z")]
    public void Write_WhenTimeIsUtc_ShouldGiveIsoUtcWithMilliseconds(int year, int month, int day, int hour, int minute, int second, int ms, string expected) =>
        JsonSerializer.Serialize(new DateTime(year, month, day, hour, minute, second, ms, DateTimeKind.Utc), Options)
            .Should().Be($"\"{expected}\"");

    [Fact]
    public void Write_WhenTimeHasTicksBelowTheMillisecond_ShouldDropThemRatherThanRoundUp() =>
        JsonSerializer.Serialize(new DateTime(2026, 11, 25, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9999), Options)
            .Should().Be("\"2026-11-25T23:59:59.999Z\"");

    [Fact]
    public void Write_WhenTimeIsLocal_ShouldWriteItsUtcEquivalent()
    {
        var utc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        JsonSerializer.Serialize(utc.ToLocalTime(), Options).Should().Be("\"2026-11-25T10:00:00.000Z\"");
    }

    [Theory]
    [InlineData("\"2026-11-25T10:00:00.000Z\"")]
    [InlineData("\"2026-11-25T11:00:00+01:00\"")]
    [InlineData("\"2026-11-25T10:00:00\"")]
    public void Read_WhenTheTimeHasAnOffsetOrNone_ShouldGiveUtc(string json)
    {
        var value = JsonSerializer.Deserialize<DateTime>(json, Options);

        value.Should().Be(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
        value.Kind.Should().Be(DateTimeKind.Utc);
    }
}
