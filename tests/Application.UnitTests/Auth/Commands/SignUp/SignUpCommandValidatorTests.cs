using System.Text.RegularExpressions;
using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.SignUp;
using TodoClean.Application.Auth.Common;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.SignUp;

public sealed class SignUpCommandValidatorTests
{
    private readonly SignUpCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenAllFieldsAreValid_ShouldPass()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp());

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenNameIsMissing_ShouldFailOnName()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(name: null));

        result.ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("Name is required.");
    }

    [Fact]
    public void Validate_WhenNameIsEmpty_ShouldPassLikeBetterAuth()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(name: string.Empty));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenNameIsTooLong_ShouldFailOnName()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(name: new string('n', User.MaxNameLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Name);
    }

    [Fact]
    public void Validate_WhenEmailIsMissing_ShouldFailOnEmail()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(email: null));

        result.ShouldHaveValidationErrorFor(c => c.Email).WithErrorMessage("Email is required.");
    }

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("Alice.Smith+todo@mail.example.co.uk")]
    [InlineData("o'brien_x-y@ex-ample.io")]
    [InlineData("  alice@example.com  ")]
    public void Validate_WhenEmailIsAnOrdinaryAddress_ShouldPass(string email)
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(email: email));

        result.ShouldNotHaveValidationErrorFor(c => c.Email);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("alice@example")]
    [InlineData("alice @example.com")]
    [InlineData("<script>@x.yz")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("alice@example.c")]
    [InlineData("alice..smith@example.com")]
    [InlineData(".alice@example.com")]
    [InlineData("alice@[127.0.0.1]")]
    [InlineData("al<ice>@example.com")]
    public void Validate_WhenEmailIsMalformed_ShouldFailOnEmail(string email)
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(email: email));

        result.ShouldHaveValidationErrorFor(c => c.Email);
    }

    [Fact]
    public void Validate_WhenEmailIsTooLong_ShouldFailOnEmail()
    {
        var email = new string('a', User.MaxEmailLength) + "@example.com";

        var result = _validator.TestValidate(AuthRequests.SignUp(email: email));

        result.ShouldHaveValidationErrorFor(c => c.Email);
    }

    [Fact]
    public void Validate_WhenEmailHasSurroundingSpaces_ShouldPass()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(email: "  alice@example.com "));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_WhenPasswordIsMissingOrEmpty_ShouldFailOnPassword(string? password)
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(password: password));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorMessage("Password is required.");
    }

    [Fact]
    public void Validate_WhenPasswordIsOneShortOfTheMinimum_ShouldFailWithPasswordTooShortCode()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(password: new string('p', CredentialRules.MinPasswordLength - 1)));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(AuthErrors.PasswordTooShortCode);
    }

    [Theory]
    [InlineData(CredentialRules.MinPasswordLength)]
    [InlineData(CredentialRules.MaxPasswordLength)]
    public void Validate_WhenPasswordLengthIsAtABound_ShouldPass(int length)
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(password: new string('p', length)));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordIsOneOverTheMaximum_ShouldFailWithPasswordTooLongCode()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(password: new string('p', CredentialRules.MaxPasswordLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(AuthErrors.PasswordTooLongCode);
    }

    [Fact]
    public void Validate_WhenImageIsTooLong_ShouldFailOnImage()
    {
        var result = _validator.TestValidate(AuthRequests.SignUp(image: "https://example.com/" + new string('i', User.MaxImageLength)));

        result.ShouldHaveValidationErrorFor(c => c.Image);
    }

    [Fact]
    public void EmailRule_ShouldNotDependOnHowBusyTheMachineIs()
    {
        var pattern = CredentialRules.EmailPattern();

        // A match timeout counts wall-clock time: a thread preempted on a loaded machine failed valid sign-ups with a 500.
        pattern.MatchTimeout.Should().Be(Regex.InfiniteMatchTimeout, "a valid address is valid however busy the server is");
        pattern.Options.Should().HaveFlag(RegexOptions.NonBacktracking, "without a timeout, only linear time keeps hostile input cheap");
    }
}
