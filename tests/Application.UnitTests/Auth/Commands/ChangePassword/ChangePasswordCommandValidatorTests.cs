using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.ChangePassword;
using TodoClean.Application.Auth.Common;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidatorTests
{
    private readonly ChangePasswordCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenBothPasswordsArePresent_ShouldPass()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(currentPassword: "old password", newPassword: "new password"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordsAreMissing_ShouldFailOnBoth()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(currentPassword: null, newPassword: null));

        result.ShouldHaveValidationErrorFor(c => c.CurrentPassword).WithErrorMessage("Current password is required.");
        result.ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorMessage("New password is required.");
    }

    [Fact]
    public void Validate_WhenNewPasswordIsTooShort_ShouldFailWithPasswordTooShortCode()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(newPassword: new string('p', CredentialRules.MinPasswordLength - 1)));

        result.ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(AuthErrors.PasswordTooShortCode);
    }

    [Fact]
    public void Validate_WhenNewPasswordIsTooLong_ShouldFailWithPasswordTooLongCode()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(newPassword: new string('p', CredentialRules.MaxPasswordLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.NewPassword).WithErrorCode(AuthErrors.PasswordTooLongCode);
    }

    [Fact]
    public void Validate_WhenCurrentPasswordIsTooLong_ShouldFailBeforeAnyHashing()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(currentPassword: new string('p', CredentialRules.MaxPasswordLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.CurrentPassword).WithErrorCode(AuthErrors.PasswordTooLongCode);
    }

    [Fact]
    public void Validate_WhenCurrentPasswordIsShort_ShouldPassSoTheHandlerAnswersInvalidPassword()
    {
        var result = _validator.TestValidate(AuthRequests.ChangePassword(currentPassword: "a"));

        result.ShouldNotHaveAnyValidationErrors();
    }
}
