using FluentValidation.Results;
using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Exceptions;

/// <summary>One or more fields of a request are invalid. Errors are keyed by camelCase field name.</summary>
public sealed class ValidationException : RefusedException
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation errors occurred.")
    {
        Failures = failures.ToList();
        Errors = Failures
            .GroupBy(f => ToCamelCase(f.PropertyName), f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    public ValidationException(string field, string message, string? code = null)
        : this([new ValidationFailure(field, message) { ErrorCode = code }])
    {
    }

    public IReadOnlyList<ValidationFailure> Failures { get; }

    public IDictionary<string, string[]> Errors { get; }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
