using FluentValidation.Results;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Behaviours;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.TodoItems.Queries.GetTodoItem;
using TodoClean.TestCommon;
using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.UnitTests.Common.Behaviours;

public sealed class UnhandledExceptionBehaviourTests
{
    private static readonly GetTodoItemQuery Query = new(Guid.CreateVersion7());
    private readonly LogCollector _logs = new();
    private readonly UnhandledExceptionBehaviour<GetTodoItemQuery, string> _behaviour;

    public UnhandledExceptionBehaviourTests() =>
        _behaviour = new UnhandledExceptionBehaviour<GetTodoItemQuery, string>(
            _logs.CreateLogger<UnhandledExceptionBehaviour<GetTodoItemQuery, string>>());

    [Fact]
    public async Task Handle_WhenHandlerFailsUnexpectedly_ShouldLogAnErrorAndRethrowTheSameException()
    {
        var failure = new InvalidOperationException("database on fire");

        var act = () => _behaviour.Handle(Query, (_, _) => throw failure, CancellationToken.None).AsTask();

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(failure);
        var entry = _logs.Entries.Should().ContainSingle().Which;
        entry.Level.Should().Be(LogLevel.Error);
        entry.Exception.Should().BeSameAs(failure);
        entry.Message.Should().Contain(nameof(GetTodoItemQuery));
    }

    [Theory]
    [InlineData("validation")]
    [InlineData("not-found")]
    [InlineData("precondition")]
    [InlineData("auth")]
    [InlineData("domain")]
    public async Task Handle_WhenHandlerRefusesTheRequest_ShouldRethrowWithoutLoggingAnError(string kind)
    {
        Exception refusal = kind switch
        {
            "validation" => new ValidationException([new ValidationFailure("Title", "Title must not be empty.")]),
            "not-found" => new NotFoundException("todo"),
            "precondition" => new PreconditionFailedException("stale"),
            "auth" => new AuthException(AuthErrors.Unauthorized),
            _ => new DomainException("title", "Title must not be empty."),
        };

        var act = () => _behaviour.Handle(Query, (_, _) => throw refusal, CancellationToken.None).AsTask();

        (await act.Should().ThrowAsync<Exception>()).Which.Should().BeSameAs(refusal);
        _logs.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenTheCallerCancelled_ShouldRethrowWithoutLoggingAnError()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => _behaviour.Handle(
            Query, (_, token) => throw new OperationCanceledException(token), cancellation.Token).AsTask();

        await act.Should().ThrowAsync<OperationCanceledException>();
        _logs.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenCancelledWithoutTheCallerAsking_ShouldLogAnError()
    {
        var act = () => _behaviour.Handle(
            Query, (_, _) => throw new TaskCanceledException("timed out"), CancellationToken.None).AsTask();

        await act.Should().ThrowAsync<TaskCanceledException>();
        _logs.Entries.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
    }

    [Fact]
    public async Task Handle_WhenHandlerSucceeds_ShouldReturnItsResponseWithoutLogging()
    {
        var response = await _behaviour.Handle(Query, (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        response.Should().Be("ok");
        _logs.Entries.Should().BeEmpty();
    }
}
