using FluentValidation;
using FluentValidation.Validators;

namespace TodoClean.Application.Common.Validation;

/// <summary>
/// The value is null or at most <see cref="Max"/> characters once surrounding white space is trimmed (what is stored).
/// As an <see cref="ILengthValidator"/> its limit is visible to readers of the rules, such as the API description.
/// </summary>
internal sealed class TrimmedLengthValidator<T>(int max) : PropertyValidator<T, string?>, ILengthValidator
{
    public override string Name => "TrimmedLengthValidator";

    public int Min => 0;

    public int Max { get; } = max;

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || value.Trim().Length <= Max;
}
