using FluentValidation.TestHelper;
using TodoClean.Application.TodoItems.Commands.UpdateTodoItem;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.UnitTests.TodoItems.Commands.UpdateTodoItem;

public sealed class UpdateTodoItemCommandValidatorTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private readonly UpdateTodoItemCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenOnlyTitleIsGiven_ShouldPass()
    {
        var result = _validator.TestValidate(new UpdateTodoItemCommand(Id, "Buy milk", null, null, null, null));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenTitleIsBlank_ShouldFailOnTitle(string? title)
    {
        var result = _validator.TestValidate(new UpdateTodoItemCommand(Id, title, null, null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must not be empty.");
    }

    [Fact]
    public void Validate_WhenTitleIsTooLong_ShouldFailOnTitle()
    {
        var result = _validator.TestValidate(
            new UpdateTodoItemCommand(Id, new string('t', TodoItem.MaxTitleLength + 1), null, null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Title);
    }

    [Fact]
    public void Validate_WhenDescriptionIsTooLong_ShouldFailOnDescription()
    {
        var result = _validator.TestValidate(
            new UpdateTodoItemCommand(Id, "Title", new string('d', TodoItem.MaxDescriptionLength + 1), null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Description);
    }

    [Fact]
    public void Validate_WhenPriorityIsUndefined_ShouldFailOnPriority()
    {
        var result = _validator.TestValidate(new UpdateTodoItemCommand(Id, "Title", null, null, null, (TodoPriority)(-1)));

        result.ShouldHaveValidationErrorFor(c => c.Priority);
    }
}
