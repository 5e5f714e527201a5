using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Two people using the app at the same time from two browsers.</summary>
[Collection(AppCollection.Name)]
public sealed class IsolationTests(AppFixture app)
{
    [Fact]
    public async Task Todos_WhenTwoUsersWorkSideBySide_ShouldNeverShowOneUsersTodosToTheOther()
    {
        await using var alice = await app.OpenAsync();
        await using var bob = await app.OpenAsync();
        await Task.WhenAll(alice.Page.SignUpAsync(TestUser.Create("Alice Smith")), bob.Page.SignUpAsync(TestUser.Create("Bob Jones")));

        await alice.Page.AddTodoAsync("Alice's secret plan");
        await bob.Page.AddTodoAsync("Bob's surprise party");
        await Task.WhenAll(alice.Page.ReloadAsync(), bob.Page.ReloadAsync());

        await Expect(alice.Page.TodoCheckbox("Alice's secret plan")).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("li.todo")).ToHaveCountAsync(1);
        await Expect(bob.Page.TodoCheckbox("Bob's surprise party")).ToBeVisibleAsync();
        await Expect(bob.Page.Locator("li.todo")).ToHaveCountAsync(1);
        await bob.Page.GetByLabel("Search todos").FillAsync("secret");
        await Expect(bob.Page.GetByText("Nothing matches this view.")).ToBeVisibleAsync();
        await Expect(alice.Page.Locator("#user-name")).ToHaveTextAsync("Alice Smith");
        await Expect(bob.Page.Locator("#user-name")).ToHaveTextAsync("Bob Jones");
        alice.ShouldHaveRunCleanly();
        bob.ShouldHaveRunCleanly();
    }
}
