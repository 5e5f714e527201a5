using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.DeleteUser;

internal sealed class DeleteUserCommandValidator : AbstractValidator<DeleteUserCommand>
{
    public DeleteUserCommandValidator() =>
        RuleFor(x => x.Password)
            .MaximumLength(CredentialRules.MaxPasswordLength).WithErrorCode(AuthErrors.PasswordTooLongCode)
            .WithMessage($"Password is too long: use at most {CredentialRules.MaxPasswordLength} characters.");
}
