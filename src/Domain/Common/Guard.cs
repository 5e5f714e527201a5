using TodoClean.Domain.Exceptions;

namespace TodoClean.Domain.Common;

internal static class Guard
{
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(field, $"{Capitalize(field)} must not be empty.");
        }

        return trimmed.Length > maxLength
            ? throw new DomainException(field, $"{Capitalize(field)} must be at most {maxLength} characters.")
            : trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length > maxLength
            ? throw new DomainException(field, $"{Capitalize(field)} must be at most {maxLength} characters.")
            : value;
    }

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Times must be UTC.", nameof(value));

    private static string Capitalize(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
