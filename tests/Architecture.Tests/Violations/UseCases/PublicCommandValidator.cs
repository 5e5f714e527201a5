using FluentValidation;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a public validator.</summary>
public sealed class PublicCommandValidator : AbstractValidator<CompliantCommand>
{
    public PublicCommandValidator() => RuleFor(x => x.Title).NotEmpty();
}
