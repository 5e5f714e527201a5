using FluentValidation;

namespace TodoClean.Application.Auth.Queries.GetRevocations;

internal sealed class GetRevocationsQueryValidator : AbstractValidator<GetRevocationsQuery>
{
    public GetRevocationsQueryValidator() =>
        RuleFor(x => x.After).GreaterThanOrEqualTo(0).WithMessage("after must be a feed position (0 or more).");
}
