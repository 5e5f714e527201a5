using FluentValidation.TestHelper;
using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.Domain.TodoItems;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.TodoItems.Commands.CreateTodoItem;

public sealed class CreateTodoItemCommandValidatorTests
{
    private readonly CreateTodoItemCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenOnlyTitleIsGiven_ShouldPass()
    {
        var result = _validator.TestValidate(TodoRequests.Create(title: "Buy milk"));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Validate_WhenTitleIsBlank_ShouldFailOnTitle(string? title)
    {
        var result = _validator.TestValidate(TodoRequests.Create(title: title));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must not be empty.");
    }

    [Fact]
    public void Validate_WhenTitleFitsOnlyAfterTrimming_ShouldPass()
    {
        var title = "   " + new string('t', TodoItem.MaxTitleLength) + "   ";

        var result = _validator.TestValidate(TodoRequests.Create(title: title));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenTitleIsTooLong_ShouldFailOnTitle()
    {
        var result = _validator.TestValidate(TodoRequests.Create(title: new string('t', TodoItem.MaxTitleLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must be at most 200 characters.");
    }

    [Fact]
    public void Validate_WhenDescriptionIsAtTheMaximum_ShouldPass()
    {
        var result = _validator.TestValidate(TodoRequests.Create(description: new string('d', TodoItem.MaxDescriptionLength)));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenDescriptionIsTooLong_ShouldFailOnDescription()
    {
        var result = _validator.TestValidate(
            TodoRequests.Create(description: new string('d', TodoItem.MaxDescriptionLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Description).WithErrorMessage("Description must be at most 2000 characters.");
    }

    [Theory]
    [InlineData(TodoPriority.Low)]
    [InlineData(TodoPriority.Normal)]
    [InlineData(TodoPriority.High)]
    public void Validate_WhenPriorityIsDefined_ShouldPass(TodoPriority priority)
    {
        var result = _validator.TestValidate(TodoRequests.Create(priority: priority));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenPriorityIsUndefined_ShouldFailOnPriority()
    {
        var result = _validator.TestValidate(TodoRequests.Create(priority: (TodoPriority)3));

        result.ShouldHaveValidationErrorFor(c => c.Priority).WithErrorMessage("Priority must be one of: low, normal, high.");
    }
}
