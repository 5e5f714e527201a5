using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.VerifyBackupCode;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.UnitTests.Auth.Commands.VerifyBackupCode;

public sealed class VerifyBackupCodeCommandValidatorTests
{
    private readonly VerifyBackupCodeCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenCodeIsPresent_ShouldPass()
    {
        var result = _validator.TestValidate(new VerifyBackupCodeCommand(null, "challenge", "abcde-12345", true, ClientInfo.Unknown));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenCodeIsMissing_ShouldFail()
    {
        var result = _validator.TestValidate(new VerifyBackupCodeCommand(null, "challenge", null, false, ClientInfo.Unknown));

        result.ShouldHaveValidationErrorFor(c => c.Code).WithErrorMessage("Code is required.");
    }
}
