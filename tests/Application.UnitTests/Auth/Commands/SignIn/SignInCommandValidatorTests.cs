using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Common;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.SignIn;

public sealed class SignInCommandValidatorTests
{
    private readonly SignInCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenEmailAndPasswordArePresent_ShouldPass()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(email: " Alice@Example.com "));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenEmailIsMissing_ShouldFailOnEmail()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(email: null));

        result.ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage("Email is required.");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("alice@")]
    [InlineData("alice@example")]
    [InlineData("al ice@example.com")]
    [InlineData("alice@@example.com")]
    public void Validate_WhenEmailIsMalformed_ShouldFailWithInvalidEmailCode(string email)
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(email: email));

        result.ShouldHaveValidationErrorFor(c => c.Email).WithErrorCode(AuthErrors.InvalidEmailCode);
    }

    [Fact]
    public void Validate_WhenPasswordIsMissing_ShouldFailOnPassword()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(password: null));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage("Password is required.");
    }

    [Fact]
    public void Validate_WhenPasswordIsShort_ShouldPassSoThatSignInFailsLikeAWrongPassword()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(password: "a"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordIsAtTheMaximum_ShouldPass()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(password: new string('p', CredentialRules.MaxPasswordLength)));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordIsTooLong_ShouldFailWithPasswordTooLongCode()
    {
        var result = _validator.TestValidate(AuthRequests.SignIn(password: new string('p', CredentialRules.MaxPasswordLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(AuthErrors.PasswordTooLongCode);
    }
}
