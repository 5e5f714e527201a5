using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.ChangePassword;

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).Present("Current password")
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Current password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
        RuleFor(x => x.NewPassword).Present("New password");
        RuleFor(x => x.NewPassword).PasswordLength("New password");
    }
}
