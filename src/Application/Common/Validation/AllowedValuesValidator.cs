using FluentValidation;
using FluentValidation.Validators;

namespace TodoClean.Application.Common.Validation;

/// <summary>The value is null or one of <see cref="Values"/> (ordinal comparison).</summary>
internal sealed class AllowedValuesValidator<T>(IReadOnlyList<string> values)
    : PropertyValidator<T, string?>, IAllowedValuesValidator
{
    public override string Name => "AllowedValuesValidator";

    public IReadOnlyList<string> Values { get; } = values;

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || Values.Contains(value, StringComparer.Ordinal);
}
