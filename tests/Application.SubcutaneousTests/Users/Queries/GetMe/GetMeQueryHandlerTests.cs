using Microsoft.EntityFrameworkCore;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Application.Users.Queries.GetMe;

namespace TodoClean.Application.SubcutaneousTests.Users.Queries.GetMe;

public sealed class GetMeQueryHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenCallerIsNew_ShouldProvisionThemFromTheToken()
    {
        ActAs("gateway-user-7", " Bob@Example.COM ", "Bob");

        var me = await SendAsync(new GetMeQuery());

        me.Should().Be(new MeDto("gateway-user-7", "bob@example.com", "Bob", Now));
        await using var db = TodoDb();
        var user = await db.Users.SingleAsync();
        user.Id.Should().Be("gateway-user-7");
        user.Email.Should().Be("bob@example.com");
        user.Name.Should().Be("Bob");
    }

    [Fact]
    public async Task Handle_WhenCalledAgain_ShouldReuseTheSameUser()
    {
        ActAs("gateway-user-7", "bob@example.com", "Bob");
        var first = await SendAsync(new GetMeQuery());
        Clock.Advance(TimeSpan.FromHours(1));

        var second = await SendAsync(new GetMeQuery());

        second.Should().Be(first);
        await using var db = TodoDb();
        (await db.Users.CountAsync()).Should().Be(1);
        (await db.Users.SingleAsync()).UpdatedAt.Should().Be(first.CreatedAt);
    }

    [Fact]
    public async Task Handle_WhenANewerTokenHasAnotherEmailAndName_ShouldUpdateTheMirror()
    {
        ActAs("gateway-user-7", "bob@example.com", "Bob");
        var first = await SendAsync(new GetMeQuery());
        Clock.Advance(TimeSpan.FromHours(1));
        ActAs("gateway-user-7", "Robert@Example.com", "Robert");

        var me = await SendAsync(new GetMeQuery());

        me.Should().Be(new MeDto("gateway-user-7", "robert@example.com", "Robert", first.CreatedAt));
        await using var db = TodoDb();
        var user = await db.Users.SingleAsync();
        user.Email.Should().Be("robert@example.com");
        user.Name.Should().Be("Robert");
        user.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WhenTwoCallersAsk_ShouldProvisionEachSeparately()
    {
        ActAs("gateway-user-7", "bob@example.com", "Bob");
        await SendAsync(new GetMeQuery());
        ActAs("gateway-user-8", "carol@example.com", "Carol");

        var me = await SendAsync(new GetMeQuery());

        me.Id.Should().Be("gateway-user-8");
        await using var db = TodoDb();
        (await db.Users.CountAsync()).Should().Be(2);
    }
}
