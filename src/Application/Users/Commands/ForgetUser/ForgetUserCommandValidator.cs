using FluentValidation;

namespace TodoClean.Application.Users.Commands.ForgetUser;

internal sealed class ForgetUserCommandValidator : AbstractValidator<ForgetUserCommand>
{
    public ForgetUserCommandValidator() => RuleFor(x => x.UserId).NotEmpty().WithMessage("A user id is required.");
}
