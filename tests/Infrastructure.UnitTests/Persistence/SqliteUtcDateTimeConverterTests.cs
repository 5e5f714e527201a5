using System.Globalization;
using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.UnitTests.Persistence;

/// <summary>Times on SQLite: the text EF Core's SQLite provider writes by default, read back fast and always as UTC.</summary>
public sealed class SqliteUtcDateTimeConverterTests
{
    // What EF Core's SQLite provider writes for a DateTime when no converter is configured.
    private const string ProviderFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static TheoryData<DateTime> Times => new()
    {
        new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(2026, 11, 25, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9999),
        new DateTime(2024, 2, 29, 0, 0, 0, 120, DateTimeKind.Utc),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Format_ShouldWriteExactlyWhatTheProviderWritesByDefault(DateTime value) =>
        SqliteUtcDateTimeConverter.Format(value).Should().Be(value.ToString(ProviderFormat, CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(Times))]
    public void Parse_OfFormattedValue_ShouldGiveTheSameUtcTimeBack(DateTime value)
    {
        var parsed = SqliteUtcDateTimeConverter.Parse(SqliteUtcDateTimeConverter.Format(value));

        parsed.Should().Be(value);
        parsed.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void Format_OfLocalTime_ShouldStoreItsUtcEquivalent()
    {
        var utc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        SqliteUtcDateTimeConverter.Format(utc.ToLocalTime()).Should().Be("2026-11-25 10:00:00");
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00Z")]
    [InlineData("2026-11-25 11:00:00+01:00")]
    [InlineData("2026-11-25T10:00:00.0000000")]
    public void Parse_OfOtherIsoForms_ShouldFallBackToTheGeneralParserAndStayUtc(string text)
    {
        var parsed = SqliteUtcDateTimeConverter.Parse(text);

        parsed.Should().Be(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
        parsed.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-11-25 24:00:00")]
    [InlineData("not a time")]
    public void Parse_OfImpossibleTime_ShouldThrowInsteadOfGuessing(string text)
    {
        var parse = () => SqliteUtcDateTimeConverter.Parse(text);

        parse.Should().Throw<FormatException>();
    }
}
