using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TodoClean.Infrastructure.Persistence.Common;

/// <summary>
/// Times on SQLite, which has no date type: UTC text in the form EF Core's SQLite provider writes by default
/// (<c>2026-11-25 10:00:00.1234567</c>, trailing zeros of the fraction dropped), so the column type, the sort order,
/// the comparisons in SQL and every row already stored stay exactly as they were. Reading is what changes: the
/// provider parses each value with <see cref="DateTime.Parse(string, IFormatProvider)"/>, which is general and slow
/// (a page of 20 todos holds up to 80 times); <see cref="Parse"/> reads that one fixed form directly and leaves anything
/// else to the general parser.
/// </summary>
internal sealed class SqliteUtcDateTimeConverter() : ValueConverter<DateTime, string>(
    v => Format(v),
    v => Parse(v))
{
    private const string StoredFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static string Format(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString(StoredFormat, CultureInfo.InvariantCulture);

    public static DateTime Parse(string text) =>
        TryParseStored(text, out var value)
            ? value
            : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // "yyyy-MM-dd HH:mm:ss" with an optional fraction of 1 to 7 digits.
    private static bool TryParseStored(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[4] != '-' || s[7] != '-' || s[10] != ' '
            || s[13] != ':' || s[16] != ':' || (s.Length > 19 && s[19] != '.'))
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute)
            || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (s.Length > 19)
        {
            var fraction = s[20..];
            if (!Digits(fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
