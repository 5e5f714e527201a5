using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.VerifyTotp;

internal sealed class VerifyTotpCommandValidator : AbstractValidator<VerifyTotpCommand>
{
    public VerifyTotpCommandValidator() =>
        RuleFor(x => x.Code).Present("Code")
            .MaximumLength(TwoFactorRules.MaxCodeLength).WithMessage($"Code is too long: use at most {TwoFactorRules.MaxCodeLength} characters.");
}
