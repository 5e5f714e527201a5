using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.UpdateUser;

public sealed class UpdateUserCommandHandlerTests : HandlerTestBase
{
    [Fact]
    public async Task Handle_WhenNameIsGiven_ShouldStoreItAndReturnTheSameSession()
    {
        var user = await SeedAuthUserAsync("alice@example.com", name: "Alice");
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await SendAsync(AuthRequests.UpdateUser(token, name: "Alice Cooper"));

        result.Token.Should().Be(token);
        result.Session.Token.Should().Be(token);
        result.User.Name.Should().Be("Alice Cooper");
        result.User.UpdatedAt.Should().Be(Now);
        await using var db = AuthDb();
        var stored = await db.Users.SingleAsync();
        stored.Name.Should().Be("Alice Cooper");
        stored.Email.Should().Be("alice@example.com");
        stored.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public async Task Handle_WhenOnlyImageIsGiven_ShouldKeepTheName()
    {
        var user = await SeedAuthUserAsync(name: "Alice");
        var token = await SeedSessionAsync(user.Id);

        var result = await SendAsync(AuthRequests.UpdateUser(token, image: "https://example.com/a.png"));

        result.User.Name.Should().Be("Alice");
        result.User.Image.Should().Be("https://example.com/a.png");
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).Image.Should().Be("https://example.com/a.png");
    }

    [Fact]
    public async Task Handle_WhenEmailIsGiven_ShouldThrowEmailCanNotBeUpdated()
    {
        var user = await SeedAuthUserAsync("alice@example.com");
        var token = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.UpdateUser(token, name: "Alice", emailGiven: true));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.EmailCanNotBeUpdated);
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).Name.Should().Be("Alice");
    }

    [Fact]
    public async Task Handle_WhenNothingIsGiven_ShouldThrowNoFieldsToUpdate()
    {
        var user = await SeedAuthUserAsync();
        var token = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(AuthRequests.UpdateUser(token));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.NoFieldsToUpdate);
    }

    [Fact]
    public async Task Handle_WhenSessionIsUnknown_ShouldThrowUnauthorized()
    {
        await SeedAuthUserAsync();

        var act = () => SendAsync(AuthRequests.UpdateUser("not-a-real-session-token", name: "Mallory"));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
        await using var db = AuthDb();
        (await db.Users.SingleAsync()).Name.Should().Be("Alice");
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationAndChangeNothing()
    {
        var user = await SeedAuthUserAsync(name: "Alice");
        var token = await SeedSessionAsync(user.Id);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var act = () => SendAsync(AuthRequests.UpdateUser(
            token, name: new string('n', User.MaxNameLength + 1), image: new string('i', User.MaxImageLength + 1)));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("name", "image");
        await using var db = AuthDb();
        var stored = await db.Users.SingleAsync();
        stored.Name.Should().Be("Alice");
        stored.Image.Should().BeNull();
        stored.UpdatedAt.Should().Be(user.UpdatedAt);
    }
}
