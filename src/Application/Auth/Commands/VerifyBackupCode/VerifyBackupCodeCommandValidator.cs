using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.VerifyBackupCode;

internal sealed class VerifyBackupCodeCommandValidator : AbstractValidator<VerifyBackupCodeCommand>
{
    public VerifyBackupCodeCommandValidator() =>
        RuleFor(x => x.Code).Present("Code")
            .MaximumLength(TwoFactorRules.MaxCodeLength).WithMessage($"Code is too long: use at most {TwoFactorRules.MaxCodeLength} characters.");
}
