using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.DisableTwoFactor;

internal sealed class DisableTwoFactorCommandValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorCommandValidator() =>
        RuleFor(x => x.Password).Present("Password")
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
}
