using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.TodoItems.Queries.GetTodoItem;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.TodoItems;

using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.TodoItems.Queries.GetTodoItem;

public sealed class GetTodoItemQueryHandlerTests : HandlerTestBase
{
    private static readonly DateTime Due = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Handle_WhenTodoIsTheCallers_ShouldReturnAllItsFields()
    {
        var item = await SeedTodoAsync(CallerId, "Buy milk", "2 litres", Due, isDone: true, TodoPriority.High);

        var dto = await SendAsync(new GetTodoItemQuery(item.Id));

        dto.Should().Be(new TodoItemDto(
            item.Id, "Buy milk", "2 litres", true, TodoPriority.High, Due, Now, Now, Now, "2"));
        dto.CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public async Task Handle_WhenTodoWasUpdated_ShouldReturnTheCurrentVersion()
    {
        var item = await SeedTodoAsync(CallerId);
        await SendAsync(TodoRequests.Update(item.Id, "Renamed"));
        await SendAsync(TodoRequests.Update(item.Id, "Renamed again"));

        var dto = await SendAsync(new GetTodoItemQuery(item.Id));

        dto.Title.Should().Be("Renamed again");
        dto.Version.Should().Be("3");
    }

    [Fact]
    public async Task Handle_WhenTodoDoesNotExist_ShouldThrowNotFound()
    {
        var act = () => SendAsync(new GetTodoItemQuery(Guid.NewGuid()));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Handle_WhenTodoBelongsToAnotherUser_ShouldThrowNotFound()
    {
        var theirs = await SeedTodoAsync("someone-else");

        var act = () => SendAsync(new GetTodoItemQuery(theirs.Id));

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Be("The todo was not found.");
    }
}
