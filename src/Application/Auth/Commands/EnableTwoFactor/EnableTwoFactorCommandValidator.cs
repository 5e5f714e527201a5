using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.EnableTwoFactor;

internal sealed class EnableTwoFactorCommandValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public const int MaxIssuerLength = 100;

    public EnableTwoFactorCommandValidator()
    {
        RuleFor(x => x.Password).Present("Password")
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
        RuleFor(x => x.Issuer).MaximumLength(MaxIssuerLength)
            .WithMessage($"Issuer is too long: use at most {MaxIssuerLength} characters.");
    }
}
