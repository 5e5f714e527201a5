using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.RevealTotpUri;

internal sealed class RevealTotpUriCommandValidator : AbstractValidator<RevealTotpUriCommand>
{
    public RevealTotpUriCommandValidator() =>
        RuleFor(x => x.Password).Present("Password")
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
}
