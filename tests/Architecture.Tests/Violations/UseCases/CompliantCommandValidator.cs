using FluentValidation;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Compliant validator.</summary>
internal sealed class CompliantCommandValidator : AbstractValidator<CompliantCommand>
{
    public CompliantCommandValidator() => RuleFor(x => x.Title).NotEmpty();
}
