using FluentValidation.TestHelper;
using TodoClean.Application.TodoItems.Commands.UpdateTodoItem;
using TodoClean.Domain.TodoItems;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.TodoItems.Commands.UpdateTodoItem;

public sealed class UpdateTodoItemCommandValidatorTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private readonly UpdateTodoItemCommandValidator _validator = new();

    [Fact]
    public void Validate_WhenTitleAndIsDoneAreGiven_ShouldPass()
    {
        var result = _validator.TestValidate(TodoRequests.Update(Id, "Buy milk", isDone: false));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenIsDoneIsMissing_ShouldFailOnIsDone()
    {
        var result = _validator.TestValidate(TodoRequests.Update(Id, isDone: null));

        result.ShouldHaveValidationErrorFor(c => c.IsDone).WithErrorMessage("isDone is required: true or false.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenTitleIsBlank_ShouldFailOnTitle(string? title)
    {
        var result = _validator.TestValidate(TodoRequests.Update(Id, title));

        result.ShouldHaveValidationErrorFor(c => c.Title).WithErrorMessage("Title must not be empty.");
    }

    [Fact]
    public void Validate_WhenTitleIsTooLong_ShouldFailOnTitle()
    {
        var result = _validator.TestValidate(TodoRequests.Update(Id, new string('t', TodoItem.MaxTitleLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Title);
    }

    [Fact]
    public void Validate_WhenDescriptionIsTooLong_ShouldFailOnDescription()
    {
        var result = _validator.TestValidate(
            TodoRequests.Update(Id, description: new string('d', TodoItem.MaxDescriptionLength + 1)));

        result.ShouldHaveValidationErrorFor(c => c.Description);
    }

    [Fact]
    public void Validate_WhenPriorityIsUndefined_ShouldFailOnPriority()
    {
        var result = _validator.TestValidate(TodoRequests.Update(Id, priority: (TodoPriority)(-1)));

        result.ShouldHaveValidationErrorFor(c => c.Priority);
    }
}
