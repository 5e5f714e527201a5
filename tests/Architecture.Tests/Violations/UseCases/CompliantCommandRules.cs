using FluentValidation;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a validator not named <c>…Validator</c>.</summary>
internal sealed class CompliantCommandRules : AbstractValidator<CompliantCommand>
{
    public CompliantCommandRules() => RuleFor(x => x.Title).NotEmpty();
}
