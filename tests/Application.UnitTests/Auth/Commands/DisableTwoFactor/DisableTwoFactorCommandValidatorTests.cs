using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.DisableTwoFactor;

namespace TodoClean.Application.UnitTests.Auth.Commands.DisableTwoFactor;

public sealed class DisableTwoFactorCommandValidatorTests
{
    private readonly DisableTwoFactorCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenPasswordIsMissing_ShouldFail()
    {
        var result = _validator.TestValidate(new DisableTwoFactorCommand("session", null));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage("Password is required.");
    }

    [Fact]
    public void Validate_WhenPasswordIsPresent_ShouldPass()
    {
        var result = _validator.TestValidate(new DisableTwoFactorCommand("session", "a password"));

        result.ShouldNotHaveAnyValidationErrors();
    }
}
