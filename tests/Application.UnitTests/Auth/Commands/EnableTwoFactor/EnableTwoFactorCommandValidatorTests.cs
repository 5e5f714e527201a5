using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.EnableTwoFactor;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.UnitTests.Auth.Commands.EnableTwoFactor;

public sealed class EnableTwoFactorCommandValidatorTests
{
    private readonly EnableTwoFactorCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenPasswordIsPresent_ShouldPass()
    {
        var result = _validator.TestValidate(new EnableTwoFactorCommand("session", "a password", "Acme"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordIsMissing_ShouldFail()
    {
        var result = _validator.TestValidate(new EnableTwoFactorCommand("session", null, null));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage("Password is required.");
    }

    [Fact]
    public void Validate_WhenPasswordIsTooLong_ShouldFailBeforeAnyHashing()
    {
        var result = _validator.TestValidate(
            new EnableTwoFactorCommand("session", new string('p', CredentialRules.MaxPasswordLength + 1), null));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(AuthErrors.PasswordTooLongCode);
    }

    [Fact]
    public void Validate_WhenIssuerIsTooLong_ShouldFail()
    {
        var result = _validator.TestValidate(
            new EnableTwoFactorCommand("session", "a password", new string('i', EnableTwoFactorCommandValidator.MaxIssuerLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Issuer);
    }
}
