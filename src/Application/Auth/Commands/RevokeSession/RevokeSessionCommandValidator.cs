using FluentValidation;

namespace TodoClean.Application.Auth.Commands.RevokeSession;

internal sealed class RevokeSessionCommandValidator : AbstractValidator<RevokeSessionCommand>
{
    public RevokeSessionCommandValidator() =>
        RuleFor(x => x.Token).NotEmpty().WithMessage("Token is required: send the token of the session to revoke.")
            .MaximumLength(256).WithMessage("Token is too long.");
}
