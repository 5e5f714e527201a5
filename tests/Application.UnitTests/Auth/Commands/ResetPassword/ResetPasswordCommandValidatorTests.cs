using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.ResetPassword;
using TodoClean.Application.Auth.Common;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.ResetPassword;

public sealed class ResetPasswordCommandValidatorTests
{
    private readonly ResetPasswordCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenTokenAndPasswordArePresent_ShouldPass() =>
        _validator.TestValidate(AuthRequests.ResetPassword("some-token", "a new password")).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_WhenPasswordIsMissing_ShouldFail() =>
        _validator.TestValidate(AuthRequests.ResetPassword("some-token", null))
            .ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorMessage("New password is required.");

    [Fact]
    public void Validate_WhenPasswordIsTooShort_ShouldFailWithPasswordTooShortCode() =>
        _validator.TestValidate(AuthRequests.ResetPassword("some-token", "short"))
            .ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(AuthErrors.PasswordTooShortCode);

    [Fact]
    public void Validate_WhenPasswordIsTooLong_ShouldFailWithPasswordTooLongCode() =>
        _validator.TestValidate(AuthRequests.ResetPassword("some-token", new string('p', CredentialRules.MaxPasswordLength + 1)))
            .ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(AuthErrors.PasswordTooLongCode);

    [Fact]
    public void Validate_WhenTokenIsMissing_ShouldLeaveTheLengthToTheHandlersInvalidToken() =>
        // Better Auth answers INVALID_TOKEN before it looks at the password's length.
        _validator.TestValidate(AuthRequests.ResetPassword(null, "short")).ShouldNotHaveAnyValidationErrors();
}
