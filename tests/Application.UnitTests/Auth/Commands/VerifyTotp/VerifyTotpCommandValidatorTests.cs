using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.VerifyTotp;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.UnitTests.Auth.Commands.VerifyTotp;

public sealed class VerifyTotpCommandValidatorTests
{
    private readonly VerifyTotpCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenCodeIsPresent_ShouldPass()
    {
        var result = _validator.TestValidate(new VerifyTotpCommand(null, "challenge", "123456", false, ClientInfo.Unknown));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenCodeIsMissing_ShouldFail()
    {
        var result = _validator.TestValidate(new VerifyTotpCommand(null, "challenge", null, false, ClientInfo.Unknown));

        result.ShouldHaveValidationErrorFor(c => c.Code).WithErrorMessage("Code is required.");
    }

    [Fact]
    public void Validate_WhenCodeIsHuge_ShouldFailBeforeAnyWork()
    {
        var result = _validator.TestValidate(new VerifyTotpCommand(null, "challenge", new string('1', 65), false, ClientInfo.Unknown));

        result.ShouldHaveValidationErrorFor(c => c.Code);
    }
}
