using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.TestCommon;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.SubcutaneousTests.TodoItems.Commands.UpdateTodoItem;

public sealed class UpdateTodoItemCommandHandlerTests : HandlerTestBase
{
    private static readonly DateTime Due = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Handle_WhenValid_ShouldReplaceTheFieldsAndBumpTheVersion()
    {
        var item = await SeedTodoAsync(CallerId, "Buy milk", "2 litres", Due, priority: TodoPriority.High);
        var createdAt = Now;
        Clock.Advance(TimeSpan.FromMinutes(5));
        var newDue = Due.AddDays(1);

        var dto = await SendAsync(TodoRequests.Update(item.Id, " Buy oat milk ", "1 litre", dueAt: newDue, priority: TodoPriority.Low));

        dto.Id.Should().Be(item.Id);
        dto.Title.Should().Be("Buy oat milk");
        dto.Description.Should().Be("1 litre");
        dto.DueAt.Should().Be(newDue);
        dto.Priority.Should().Be(TodoPriority.Low);
        dto.Version.Should().Be("2");
        dto.CreatedAt.Should().Be(createdAt);
        dto.UpdatedAt.Should().Be(Now);
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Title.Should().Be("Buy oat milk");
        stored.Description.Should().Be("1 litre");
        stored.Priority.Should().Be(TodoPriority.Low);
        stored.Version.Should().Be(2);
        stored.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WhenPriorityIsOmitted_ShouldKeepIt()
    {
        var item = await SeedTodoAsync(CallerId, "Buy milk", isDone: true, priority: TodoPriority.High);

        var dto = await SendAsync(TodoRequests.Update(item.Id, "Buy milk", isDone: true));

        dto.IsDone.Should().BeTrue();
        dto.Priority.Should().Be(TodoPriority.High);
    }

    [Fact]
    public async Task Handle_WhenDescriptionAndDueAtAreNull_ShouldClearThem()
    {
        var item = await SeedTodoAsync(CallerId, "Buy milk", "2 litres", Due);

        var dto = await SendAsync(TodoRequests.Update(item.Id, "Buy milk"));

        dto.Description.Should().BeNull();
        dto.DueAt.Should().BeNull();
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Description.Should().BeNull();
        stored.DueAt.Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenMarkedDone_ShouldStampCompletedAt()
    {
        var item = await SeedTodoAsync(CallerId);
        Clock.Advance(TimeSpan.FromHours(3));

        var dto = await SendAsync(TodoRequests.Update(item.Id, item.Title, isDone: true));

        dto.IsDone.Should().BeTrue();
        dto.CompletedAt.Should().Be(Now);
        await using var db = TodoDb();
        (await db.TodoItems.SingleAsync()).CompletedAt.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WhenReopened_ShouldClearCompletedAt()
    {
        var item = await SeedTodoAsync(CallerId, isDone: true);

        var dto = await SendAsync(TodoRequests.Update(item.Id, item.Title, isDone: false));

        dto.IsDone.Should().BeFalse();
        dto.CompletedAt.Should().BeNull();
    }

    [Fact]
    public async Task Handle_WhenExpectedVersionMatches_ShouldUpdate()
    {
        var item = await SeedTodoAsync(CallerId);

        var dto = await SendAsync(TodoRequests.Update(item.Id, "Renamed", expectedVersion: 1));

        dto.Title.Should().Be("Renamed");
        dto.Version.Should().Be("2");
    }

    [Fact]
    public async Task Handle_WhenExpectedVersionIsStale_ShouldThrowPreconditionFailedAndChangeNothing()
    {
        var item = await SeedTodoAsync(CallerId, "Original");
        await SendAsync(TodoRequests.Update(item.Id, "Changed elsewhere"));

        var act = () => SendAsync(TodoRequests.Update(item.Id, "Stale edit", expectedVersion: 1));

        await act.Should().ThrowAsync<PreconditionFailedException>();
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Title.Should().Be("Changed elsewhere");
        stored.Version.Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenAnotherWriterSavesFirst_ShouldThrowPreconditionFailedInsteadOfOverwriting()
    {
        var item = await SeedTodoAsync(CallerId, "Original");
        TodoSaveHook.BeforeNextSave = async () =>
        {
            await using var other = TodoDb();
            var loaded = await other.TodoItems.SingleAsync();
            loaded.UpdateWith(Now, title: "Concurrent edit");
            await other.SaveChangesAsync();
        };

        var act = () => SendAsync(TodoRequests.Update(item.Id, "Late edit"));

        await act.Should().ThrowAsync<PreconditionFailedException>();
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Title.Should().Be("Concurrent edit");
        stored.Version.Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenTodoDoesNotExist_ShouldThrowNotFound()
    {
        await SeedTodoAsync(CallerId);

        var act = () => SendAsync(TodoRequests.Update(Guid.NewGuid(), "Title"));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Handle_WhenTodoBelongsToAnotherUser_ShouldThrowNotFoundAndLeaveItAlone()
    {
        var theirs = await SeedTodoAsync("someone-else", "Their todo");

        var act = () => SendAsync(TodoRequests.Update(theirs.Id, "Hijacked", isDone: true, expectedVersion: 1));

        await act.Should().ThrowAsync<NotFoundException>();
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Title.Should().Be("Their todo");
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndChangeNothing()
    {
        var item = await SeedTodoAsync(CallerId, "Original");

        var act = () => SendAsync(TodoRequests.Update(item.Id, "  ", isDone: null));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("title", "isDone");
        await using var db = TodoDb();
        (await db.TodoItems.SingleAsync()).Title.Should().Be("Original");
    }
}
