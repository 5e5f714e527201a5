using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.ResetPassword;

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(x => x.NewPassword).Present("New password");
        // Better Auth asks for the token before it looks at the password: without one, the answer is INVALID_TOKEN.
        When(x => !string.IsNullOrEmpty(x.Token), () => RuleFor(x => x.NewPassword).PasswordLength("New password"));
    }
}
