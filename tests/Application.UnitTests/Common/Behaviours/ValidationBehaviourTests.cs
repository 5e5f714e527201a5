using FluentValidation;
using TodoClean.Application.Common.Behaviours;
using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;
using TodoClean.TestCommon;
using ValidationException = TodoClean.Application.Common.Exceptions.ValidationException;

namespace TodoClean.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    private static readonly CreateTodoItemCommand Command = TodoRequests.Create();
    private static readonly TodoItemDto Response = new(
        Guid.CreateVersion7(), "Buy milk", Description: null, IsDone: false, TodoPriority.Normal, DueAt: null, DateTime.UtcNow,
        DateTime.UtcNow, CompletedAt: null, "1");

    private int _nextCalls;

    [Fact]
    public async Task Handle_WhenSeveralValidatorsFail_ShouldReportTheErrorsOfEveryValidatorOnce()
    {
        var behaviour = new ValidationBehaviour<CreateTodoItemCommand, TodoItemDto>(
        [
            Failing(c => c.Title, "First validator refuses the title."),
            Failing(c => c.Description, "Second validator refuses the description."),
        ]);

        var act = () => behaviour.Handle(Command, Next, CancellationToken.None).AsTask();

        var thrown = (await act.Should().ThrowAsync<ValidationException>()).Which;
        thrown.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["title"] = ["First validator refuses the title."],
            ["description"] = ["Second validator refuses the description."],
        });
        thrown.Failures.Should().HaveCount(2);
        _nextCalls.Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenOnlyTheLastValidatorFails_ShouldStillStopTheRequest()
    {
        var behaviour = new ValidationBehaviour<CreateTodoItemCommand, TodoItemDto>(
        [
            new InlineValidator<CreateTodoItemCommand>(),
            Failing(c => c.Title, "Last validator refuses the title."),
        ]);

        var act = () => behaviour.Handle(Command, Next, CancellationToken.None).AsTask();

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().Equal("title");
        _nextCalls.Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenEveryValidatorPasses_ShouldCallTheHandler()
    {
        var behaviour = new ValidationBehaviour<CreateTodoItemCommand, TodoItemDto>(
            [new InlineValidator<CreateTodoItemCommand>(), new CreateTodoItemCommandValidator()]);

        var response = await behaviour.Handle(Command, Next, CancellationToken.None);

        response.Should().BeSameAs(Response);
        _nextCalls.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenThereAreNoValidators_ShouldCallTheHandler()
    {
        var behaviour = new ValidationBehaviour<CreateTodoItemCommand, TodoItemDto>([]);

        var response = await behaviour.Handle(Command, Next, CancellationToken.None);

        response.Should().BeSameAs(Response);
        _nextCalls.Should().Be(1);
    }

    private static InlineValidator<CreateTodoItemCommand> Failing(
        System.Linq.Expressions.Expression<Func<CreateTodoItemCommand, string?>> field, string message)
    {
        var validator = new InlineValidator<CreateTodoItemCommand>();
        validator.RuleFor(field).Must(_ => false).WithMessage(message);
        return validator;
    }

    private ValueTask<TodoItemDto> Next(CreateTodoItemCommand message, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return ValueTask.FromResult(Response);
    }
}
