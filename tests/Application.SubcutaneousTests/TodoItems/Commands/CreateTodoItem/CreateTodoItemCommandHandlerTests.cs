using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.TodoItems;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.TodoItems.Commands.CreateTodoItem;

public sealed class CreateTodoItemCommandHandlerTests : HandlerTestBase
{
    private static readonly DateTime Due = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Handle_WhenValid_ShouldStoreTheTodoForTheCallerAndReturnIt()
    {
        var dto = await SendAsync(TodoRequests.Create("Buy milk", "2 litres", Due, TodoPriority.High));

        dto.Title.Should().Be("Buy milk");
        dto.Description.Should().Be("2 litres");
        dto.DueAt.Should().Be(Due);
        dto.Priority.Should().Be(TodoPriority.High);
        dto.IsDone.Should().BeFalse();
        dto.CompletedAt.Should().BeNull();
        dto.CreatedAt.Should().Be(Now);
        dto.UpdatedAt.Should().Be(Now);
        dto.Version.Should().Be("1");
        await using var db = TodoDb();
        var stored = await db.TodoItems.SingleAsync();
        stored.Id.Should().Be(dto.Id);
        stored.OwnerId.Should().Be(CallerId);
        stored.Title.Should().Be("Buy milk");
        stored.DueAt.Should().Be(Due);
    }

    [Fact]
    public async Task Handle_WhenCallerIsNew_ShouldProvisionThemFirst()
    {
        ActAs("new-caller", "New@Example.com", "Newbie");

        await SendAsync(TodoRequests.Create());

        await using var db = TodoDb();
        var user = await db.Users.SingleAsync();
        user.Id.Should().Be("new-caller");
        user.Email.Should().Be("new@example.com");
    }

    [Fact]
    public async Task Handle_WhenPriorityIsOmitted_ShouldDefaultToNormal()
    {
        var dto = await SendAsync(TodoRequests.Create(priority: null));

        dto.Priority.Should().Be(TodoPriority.Normal);
    }

    [Fact]
    public async Task Handle_WhenTitleHasSurroundingSpaces_ShouldStoreItTrimmed()
    {
        var dto = await SendAsync(TodoRequests.Create(title: "   Buy milk  "));

        dto.Title.Should().Be("Buy milk");
        await using var db = TodoDb();
        (await db.TodoItems.SingleAsync()).Title.Should().Be("Buy milk");
    }

    [Fact]
    public async Task Handle_WhenTitleIsTheMaximumLengthAfterTrimming_ShouldAcceptIt()
    {
        var title = " " + new string('t', TodoItem.MaxTitleLength) + " ";

        var dto = await SendAsync(TodoRequests.Create(title: title));

        dto.Title.Should().HaveLength(TodoItem.MaxTitleLength);
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndStoreNothing()
    {
        var act = () => SendAsync(TodoRequests.Create(
            title: " ", description: new string('d', TodoItem.MaxDescriptionLength + 1), priority: (TodoPriority)42));

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Keys.Should().BeEquivalentTo("title", "description", "priority");
        await using var db = TodoDb();
        (await db.TodoItems.CountAsync()).Should().Be(0);
        (await db.Users.CountAsync()).Should().Be(0, "the caller is provisioned only once the request is valid");
    }
}
