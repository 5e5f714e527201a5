using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.RequestPasswordReset;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.RequestPasswordReset;

public sealed class RequestPasswordResetCommandValidatorTests
{
    private readonly RequestPasswordResetCommandValidator _validator = new();

    [Fact]
    public void Validate_WithAnAddress_ShouldPass() =>
        _validator.TestValidate(AuthRequests.RequestPasswordReset()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(null)]
    [InlineData("not-an-email")]
    public void Validate_WithoutAValidAddress_ShouldFail(string? email) =>
        _validator.TestValidate(AuthRequests.RequestPasswordReset(email: email)).ShouldHaveValidationErrorFor(c => c.Email);
}
