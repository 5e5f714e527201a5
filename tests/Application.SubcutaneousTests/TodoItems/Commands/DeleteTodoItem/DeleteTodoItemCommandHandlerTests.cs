using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.TodoItems.Commands.DeleteTodoItem;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.TodoItems.Commands.DeleteTodoItem;

public sealed class DeleteTodoItemCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenTodoIsTheCallers_ShouldDeleteOnlyIt()
    {
        var item = await SeedTodoAsync(CallerId, "Delete me");
        var kept = await SeedTodoAsync(CallerId, "Keep me");

        await SendAsync(new DeleteTodoItemCommand(item.Id));

        await using var db = TodoDb();
        (await db.TodoItems.Select(t => t.Id).ToListAsync()).Should().Equal(kept.Id);
    }

    [Fact]
    public async Task Handle_WhenDeletedTwice_ShouldThrowNotFoundTheSecondTime()
    {
        var item = await SeedTodoAsync(CallerId);
        await SendAsync(new DeleteTodoItemCommand(item.Id));

        var act = () => SendAsync(new DeleteTodoItemCommand(item.Id));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Handle_WhenTodoDoesNotExist_ShouldThrowNotFound()
    {
        var act = () => SendAsync(new DeleteTodoItemCommand(Guid.NewGuid()));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Handle_WhenTodoBelongsToAnotherUser_ShouldThrowNotFoundAndKeepIt()
    {
        var theirs = await SeedTodoAsync("someone-else");

        var act = () => SendAsync(new DeleteTodoItemCommand(theirs.Id));

        await act.Should().ThrowAsync<NotFoundException>();
        await using var db = TodoDb();
        (await db.TodoItems.CountAsync()).Should().Be(1);
    }
}
