using FluentValidation.TestHelper;
using TodoClean.Application.Auth.Commands.RevokeSession;

namespace TodoClean.Application.UnitTests.Auth.Commands.RevokeSession;

public sealed class RevokeSessionCommandValidatorTests
{
    private readonly RevokeSessionCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenTokenIsGiven_ShouldPass()
    {
        var result = _validator.TestValidate(new RevokeSessionCommand("current", "target"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_WhenTokenIsMissing_ShouldFailOnToken(string? token)
    {
        var result = _validator.TestValidate(new RevokeSessionCommand("current", token));

        result.ShouldHaveValidationErrorFor(c => c.Token);
    }

    [Fact]
    public void Validate_WhenTokenIsOversized_ShouldFailOnToken()
    {
        var result = _validator.TestValidate(new RevokeSessionCommand("current", new string('t', 257)));

        result.ShouldHaveValidationErrorFor(c => c.Token);
    }
}
