using FluentValidation;
using TodoClean.Application.Auth.Common;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Commands.SignUp;

internal sealed class SignUpCommandValidator : AbstractValidator<SignUpCommand>
{
    public SignUpCommandValidator()
    {
        RuleFor(x => x.Name).Present("Name")
            .MaximumLength(User.MaxNameLength).WithMessage($"Name must be at most {User.MaxNameLength} characters.");
        RuleFor(x => x.Email).Present("Email").EmailAddress();
        RuleFor(x => x.Password).Present("Password").Must(p => p is null || p.Length > 0).WithMessage("Password is required.");
        RuleFor(x => x.Password).PasswordLength("Password");
        RuleFor(x => x.Image).MaximumLength(User.MaxImageLength)
            .WithMessage($"Image must be at most {User.MaxImageLength} characters.");
    }
}
