using FluentValidation;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses FluentValidation.</summary>
internal static class UsesFluentValidation
{
    public static bool IsValidator(object validator) => validator is IValidator;
}
