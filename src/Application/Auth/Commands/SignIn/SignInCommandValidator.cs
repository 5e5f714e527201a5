using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.SignIn;

internal sealed class SignInCommandValidator : AbstractValidator<SignInCommand>
{
    public SignInCommandValidator()
    {
        RuleFor(x => x.Email).Present("Email")
            .EmailAddress().WithErrorCode(AuthErrors.InvalidEmailCode);
        RuleFor(x => x.Password).Present("Password")
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
    }
}
