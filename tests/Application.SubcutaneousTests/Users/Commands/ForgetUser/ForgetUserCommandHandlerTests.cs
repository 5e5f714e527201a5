using Microsoft.EntityFrameworkCore;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Application.Users.Commands.ForgetUser;

namespace TodoClean.Application.SubcutaneousTests.Users.Commands.ForgetUser;

public sealed class ForgetUserCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_ShouldDeleteOnlyThatUsersTodosAndMirrorAndBeIdempotent()
    {
        await SeedTodoAsync("gone-user");
        await SeedTodoAsync("gone-user", "Second");
        await SeedTodoAsync("kept-user");

        (await SendAsync(new ForgetUserCommand("gone-user"))).Should().Be(2);
        (await SendAsync(new ForgetUserCommand("gone-user"))).Should().Be(0);

        await using var db = TodoDb();
        (await db.TodoItems.Select(t => t.OwnerId).ToListAsync()).Should().Equal("kept-user");
        (await db.Users.Select(u => u.Id).ToListAsync()).Should().Equal("kept-user");
    }
}
