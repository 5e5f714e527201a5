using FluentValidation;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.UpdateUser;

internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(x => x.Name).MaximumLength(User.MaxNameLength)
            .WithMessage($"Name must be at most {User.MaxNameLength} characters.");
        RuleFor(x => x.Image).MaximumLength(User.MaxImageLength)
            .WithMessage($"Image must be at most {User.MaxImageLength} characters.");
    }
}
