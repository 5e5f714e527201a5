using FluentValidation.TestHelper;
using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.UnitTests.TodoItems.Commands.CreateTodoItem;

public sealed class CreateTodoItemCommandValidatorTests
{
    private readonly CreateTodoItemCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenOnlyTitleIsGiven_ShouldPass()
    {
        var result = _validator.TestValidate(new CreateTodoItemCommand("Buy milk", null, null, null));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Validate_WhenTitleIsBlank_ShouldFailOnTitle(string? title)
    {
        var result = _validator.TestValidate(new CreateTodoItemCommand(title, null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must not be empty.");
    }

    [Fact]
    public void Validate_WhenTitleFitsOnlyAfterTrimming_ShouldPass()
    {
        var title = "   " + new string('t', TodoItem.MaxTitleLength) + "   ";

        var result = _validator.TestValidate(new CreateTodoItemCommand(title, null, null, null));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenTitleIsTooLong_ShouldFailOnTitle()
    {
        var result = _validator.TestValidate(
            new CreateTodoItemCommand(new string('t', TodoItem.MaxTitleLength + 1), null, null, null));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must be at most 200 characters.");
    }

    [Fact]
    public void Validate_WhenDescriptionIsAtTheMaximum_ShouldPass()
    {
        var result = _validator.TestValidate(
            new CreateTodoItemCommand("Title", new string('d', TodoItem.MaxDescriptionLength), null, null));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenDescriptionIsTooLong_ShouldFailOnDescription()
    {
        var result = _validator.TestValidate(
            new CreateTodoItemCommand("Title", new string('d', TodoItem.MaxDescriptionLength + 1), null, null));

        result.ShouldHaveValidationErrorFor(c => c.Description).WithErrorMessage("Description must be at most 2000 characters.");
    }

    [Theory]
    [InlineData(TodoPriority.Low)]
    [InlineData(TodoPriority.Normal)]
    [InlineData(TodoPriority.High)]
    public void Validate_WhenPriorityIsDefined_ShouldPass(TodoPriority priority)
    {
        var result = _validator.TestValidate(new CreateTodoItemCommand("Title", null, null, priority));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPriorityIsUndefined_ShouldFailOnPriority()
    {
        var result = _validator.TestValidate(new CreateTodoItemCommand("Title", null, null, (TodoPriority)3));

        result.ShouldHaveValidationErrorFor(c => c.Priority).WithErrorMessage("Priority must be one of: low, normal, high.");
    }
}
