using FluentValidation;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a validator that is not sealed.</summary>
internal class UnsealedQueryValidator : AbstractValidator<CompliantQuery>
{
    public UnsealedQueryValidator() => RuleFor(x => x.Page).GreaterThan(0);
}
