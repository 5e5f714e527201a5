using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Validators;

namespace TodoClean.Application.Common.Validation;

/// <summary>
/// The value is null or, once trimmed, an address of at most <see cref="Max"/> characters that <paramref name="pattern"/>
/// matches. Readers of the rules (the API description) see an email rule with a length limit.
/// </summary>
internal sealed class EmailAddressValidator<T>(int max, Regex pattern)
    : PropertyValidator<T, string?>, IEmailValidator, ILengthValidator
{
    public override string Name => "EmailAddressValidator";

    public int Min => 0;

    public int Max { get; } = max;

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || (value.Trim().Length <= Max && pattern.IsMatch(value.Trim()));
}
