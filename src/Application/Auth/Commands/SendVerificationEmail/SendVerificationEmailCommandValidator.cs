using FluentValidation;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.Auth.Commands.SendVerificationEmail;

internal sealed class SendVerificationEmailCommandValidator : AbstractValidator<SendVerificationEmailCommand>
{
    public SendVerificationEmailCommandValidator() =>
        RuleFor(x => x.Email).Present("Email").EmailAddress();
}
