using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.UpdateUser;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Auth.Commands.UpdateUser;

public sealed class UpdateUserCommandValidatorTests
{
    private readonly UpdateUserCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenFieldsAreAtTheirLimits_ShouldPass()
    {
        var command = AuthRequests.UpdateUser(
            name: new string('n', User.MaxNameLength), image: new string('i', User.MaxImageLength));

        var result = _validator.TestValidate(command);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenNameIsTooLong_ShouldFailOnName()
    {
        var result = _validator.TestValidate(AuthRequests.UpdateUser(name: new string('n', User.MaxNameLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Name).WithErrorMessage("Name must be at most 100 characters.");
    }

    [Fact]
    public void Validate_WhenImageIsTooLong_ShouldFailOnImage()
    {
        var result = _validator.TestValidate(AuthRequests.UpdateUser(image: new string('i', User.MaxImageLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Image);
    }
}
