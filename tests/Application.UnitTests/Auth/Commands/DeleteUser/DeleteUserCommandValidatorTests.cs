using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.DeleteUser;
using TodoClean.Application.Auth.Common;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.DeleteUser;

public sealed class DeleteUserCommandValidatorTests
{
    private readonly DeleteUserCommandValidator _validator = new();

    [Fact]
    public void Validate_WithOrWithoutPassword_ShouldPass()
    {
        _validator.TestValidate(AuthRequests.DeleteUser(password: "my password")).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(AuthRequests.DeleteUser(password: null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPasswordIsTooLong_ShouldFailBeforeAnyHashing() =>
        _validator.TestValidate(AuthRequests.DeleteUser(password: new string('p', CredentialRules.MaxPasswordLength + 1)))
            .ShouldHaveValidationErrorFor(c => c.Password).WithErrorCode(AuthErrors.PasswordTooLongCode);
}
