using FluentValidation.Validators;

namespace TodoClean.Application.Common.Validation;

/// <summary>
/// A property validator that accepts only the listed values (or null). Readers of a validator's rules, such as the API
/// description, see the list here instead of inside a predicate.
/// </summary>
public interface IAllowedValuesValidator : IPropertyValidator
{
    IReadOnlyList<string> Values { get; }
}
