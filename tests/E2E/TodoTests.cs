using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Managing todos on the dashboard: every change shows at once, sticks on the server, or is undone with a reason.</summary>
[Collection(AppCollection.Name)]
public sealed partial class TodoTests(AppFixture app)
{
    [Fact]
    public async Task Todos_WhenAddedEditedCompletedAndDeleted_ShouldKeepEveryChangeAcrossAReload()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());

        await page.AddTodoAsync("Buy milk", notes: "Semi-skimmed, two litres", priority: "High", dueDate: "2030-01-15");
        await page.AddTodoAsync("Call the plumber");
        await page.AddTodoAsync("Water the plants", priority: "Low");
        var milk = page.TodoRow("Buy milk");
        await Expect(milk).ToContainTextAsync("Semi-skimmed, two litres");
        await Expect(milk).ToContainTextAsync("High priority");
        await Expect(milk).ToContainTextAsync("Due Jan 15, 2030");
        await Expect(page.GetByText("3 todos")).ToBeVisibleAsync();

        await page.ClickTodoButtonAsync("Edit", "Call the plumber");
        var editor = page.Locator("form.edit-form");
        await Expect(editor.GetByLabel("Title")).ToBeFocusedAsync();
        await editor.GetByLabel("Title").FillAsync("Call the plumber about the leak");
        await editor.GetByLabel("Priority").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await page.RunAndWaitForResponseAsync(
            () => editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), IsApi("PUT"));
        await Expect(page.TodoRow("Call the plumber about the leak")).ToContainTextAsync("High priority");

        await page.RunAndWaitForResponseAsync(() => page.TodoCheckbox("Buy milk").CheckAsync(), IsApi("PUT"));
        await Expect(page.TodoCheckbox("Buy milk")).ToBeCheckedAsync();

        await page.ClickTodoButtonAsync("Delete", "Water the plants");
        await Expect(page.TodoRow("Water the plants")).ToHaveCountAsync(0);
        await Toast(page, "Deleted “Water the plants”.").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.TodoCheckbox("Water the plants")).ToBeFocusedAsync();

        await page.ClickTodoButtonAsync("Delete", "Water the plants");
        await page.RunAndWaitForResponseAsync(
            () => Toast(page, "Deleted “Water the plants”.").GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync(),
            IsApi("DELETE"));
        await page.AddTodoAsync("Book the car service", dueDate: "2020-03-01");
        await Expect(page.TodoRow("Book the car service")).ToContainTextAsync("Overdue");

        await page.ReloadAsync();
        await page.ShouldShowDashboardAsync();
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(3);
        await Expect(page.TodoCheckbox("Buy milk")).ToBeCheckedAsync();
        await Expect(page.TodoCheckbox("Call the plumber about the leak")).Not.ToBeCheckedAsync();
        await Expect(page.TodoRow("Call the plumber about the leak")).ToContainTextAsync("High priority");
        await Expect(page.TodoRow("Water the plants")).ToHaveCountAsync(0);
        await Expect(page.TodoRow("Buy milk")).ToContainTextAsync("Semi-skimmed, two litres");
        await Artifacts.ScreenshotAsync(page, "dashboard");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenThePageIsLeftDuringTheUndoWindow_ShouldStillBeDeleted()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Cancel the newspaper");
        await page.AddTodoAsync("Keep this one");

        await page.ClickTodoButtonAsync("Delete", "Cancel the newspaper");
        await Expect(Toast(page, "Deleted “Cancel the newspaper”.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Todos" }).ClickAsync();

        await page.ShouldShowDashboardAsync();
        await Expect(page.TodoCheckbox("Keep this one")).ToBeVisibleAsync();
        await Expect(page.TodoRow("Cancel the newspaper")).ToHaveCountAsync(0);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenAddedAndThePageIsReloadedAtOnce_ShouldBeThereAfterTheReload()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        var dialogs = AcceptDialogs(page);
        var post = await browser.HoldNextApiRequestAsync("POST", "/api/todos");

        await page.Locator("#add-form").GetByLabel("What needs doing?").FillAsync("Pay the rent");
        await page.Locator("#add-form").GetByRole(AriaRole.Button, new() { Name = "Add todo" }).ClickAsync();
        await post.SentAsync();
        await Expect(page.TodoRow("Pay the rent")).ToContainTextAsync("Saving…");
        await Expect(page.TodoCheckbox("Pay the rent")).ToBeDisabledAsync();
        // The reloaded page's list waits until the server has the todo, so what it shows does not depend on which of
        // the two requests the server happens to finish first.
        var list = await browser.HoldNextApiRequestAsync("GET", "/api/todos?");
        await page.ReloadAsync();
        post.Release();

        await browser.WaitForTitlesOnServerAsync(titles => titles.Contains("Pay the rent"), "the POST outlives the page that sent it");
        list.Release();
        await page.ShouldShowDashboardAsync();
        await Expect(page.TodoCheckbox("Pay the rent")).ToBeEnabledAsync();
        await Expect(page.TodoRow("Pay the rent")).Not.ToContainTextAsync("Saving…");
        dialogs.Should().Equal(["beforeunload"], "leaving while a write is in flight asks first");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenEditedAndTheTabIsClosedAtOnce_ShouldKeepTheEditOnTheServer()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Call the bank");
        var put = await browser.HoldNextApiRequestAsync("PUT", "/api/todos/");

        await page.ClickTodoButtonAsync("Edit", "Call the bank");
        await page.Locator("form.edit-form").GetByLabel("Title").FillAsync("Call the bank about the card");
        await page.Locator("form.edit-form").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await put.SentAsync();
        await Expect(page.TodoRow("Call the bank about the card")).ToContainTextAsync("Saving…");
        await page.CloseAsync();
        put.Release();

        await browser.WaitForTitlesOnServerAsync(
            titles => titles.SequenceEqual(["Call the bank about the card"]), "the PUT outlives the tab that sent it");
        var next = await browser.NewPageAsync();
        await next.GotoAsync("/");
        await next.ShouldShowDashboardAsync();
        await Expect(next.TodoCheckbox("Call the bank about the card")).ToBeVisibleAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenTheUndoWindowEndsAndTheTabIsClosedAtOnce_ShouldBeDeletedOnTheServer()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Cancel the gym");
        await page.AddTodoAsync("Keep this one");
        var delete = await browser.HoldNextApiRequestAsync("DELETE", "/api/todos/");

        await page.ClickTodoButtonAsync("Delete", "Cancel the gym");
        await Expect(Toast(page, "Deleted “Cancel the gym”.")).ToBeVisibleAsync();
        await delete.SentAsync(); // the undo window has run out by itself
        await page.CloseAsync();
        delete.Release();

        await browser.WaitForTitlesOnServerAsync(
            titles => titles.SequenceEqual(["Keep this one"]), "the DELETE outlives the tab that sent it");
        var next = await browser.NewPageAsync();
        await next.GotoAsync("/");
        await next.ShouldShowDashboardAsync();
        await Expect(next.TodoCheckbox("Keep this one")).ToBeVisibleAsync();
        await Expect(next.TodoRow("Cancel the gym")).ToHaveCountAsync(0);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenAddingFails_ShouldKeepTheTodoMarkedNotSavedAndSaveItOnRetry()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        var posts = 0;
        await page.RouteAsync($"{app.ApiUrl}/api/todos", async route =>
        {
            if (route.Request.Method == "POST" && Interlocked.Increment(ref posts) == 1)
            {
                await route.FulfillAsync(ServerError());
                return;
            }

            await route.FallbackAsync();
        });

        var form = page.Locator("#add-form");
        await form.GetByLabel("What needs doing?").FillAsync("Renew the insurance");
        await form.GetByLabel("Notes").FillAsync("Compare three quotes first");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add todo" }).ClickAsync();

        var row = page.TodoRow("Renew the insurance");
        await Expect(row).ToContainTextAsync("Not saved. Something went wrong on our side. Please try again.");
        await Expect(row).ToContainTextAsync("Compare three quotes first");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("“Renew the insurance” wasn't saved.");
        await page.RunAndWaitForResponseAsync(
            () => page.ClickTodoButtonAsync("Retry", "Renew the insurance"), IsApi("POST"));
        await Expect(page.TodoCheckbox("Renew the insurance")).ToBeEnabledAsync();
        await Expect(row).Not.ToContainTextAsync("Not saved");

        await page.ReloadAsync();
        await page.ShouldShowDashboardAsync();
        await Expect(page.TodoRow("Renew the insurance")).ToContainTextAsync("Compare three quotes first");
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(1);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenSavingAnEditFails_ShouldKeepTheEditMarkedNotSavedAndSaveItOnRetry()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Book a dentist");
        var puts = 0;
        await page.RouteAsync($"{app.ApiUrl}/api/todos/*", async route =>
        {
            if (route.Request.Method == "PUT" && Interlocked.Increment(ref puts) == 1)
            {
                await route.AbortAsync("connectionrefused");
                return;
            }

            await route.FallbackAsync();
        });

        await page.ClickTodoButtonAsync("Edit", "Book a dentist");
        var editor = page.Locator("form.edit-form");
        await editor.GetByLabel("Title").FillAsync("Book a dentist for Tuesday");
        await editor.GetByLabel("Notes").FillAsync("Ask about the crown");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var row = page.TodoRow("Book a dentist for Tuesday");
        await Expect(row).ToContainTextAsync("Not saved. Can't reach the todo service.");
        await Expect(row).ToContainTextAsync("Ask about the crown");
        await page.RunAndWaitForResponseAsync(
            () => page.ClickTodoButtonAsync("Retry", "Book a dentist for Tuesday"), IsApi("PUT"));
        await Expect(row).Not.ToContainTextAsync("Not saved");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit “Book a dentist for Tuesday”" })).ToBeFocusedAsync();

        await page.ReloadAsync();
        await page.ShouldShowDashboardAsync();
        await Expect(page.TodoRow("Book a dentist for Tuesday")).ToContainTextAsync("Ask about the crown");
        await Expect(page.TodoRow("Book a dentist")).ToHaveCountAsync(0);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenFilteredSearchedAndPaged_ShouldShowOnlyTheMatchingOnes()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        for (var i = 1; i <= 12; i++)
        {
            await page.AddTodoAsync($"Errand {i:D2}");
        }

        await page.RunAndWaitForResponseAsync(() => page.TodoCheckbox("Errand 12").CheckAsync(), IsApi("PUT"));
        await page.RunAndWaitForResponseAsync(() => page.TodoCheckbox("Errand 11").CheckAsync(), IsApi("PUT"));

        await Expect(page.GetByText("Showing 1–10 of 12 todos")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(2);
        await Expect(page).ToHaveURLAsync(PageTwo());
        await page.ReloadAsync();
        await Expect(page.TodoCheckbox("Errand 01")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();

        await ShowAsync(page, "Done");
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(2);
        await Expect(page.TodoCheckbox("Errand 12")).ToBeCheckedAsync();
        await Expect(page.Locator("#pager")).ToBeHiddenAsync();

        await ShowAsync(page, "Open");
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(10);
        await page.GetByLabel("Search todos").FillAsync("errand 03");
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(1);
        await Expect(page.TodoCheckbox("Errand 03")).ToBeVisibleAsync();

        await page.GetByLabel("Search todos").FillAsync("nothing like this");
        await Expect(page.GetByText("Nothing matches this view.")).ToBeVisibleAsync();
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(0);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenTheSameTodoWasChangedInAnotherTabFirst_ShouldReportTheConflictAndShowTheLatestVersion()
    {
        await using var browser = await app.OpenAsync();
        var first = browser.Page;
        await first.SignUpAsync(TestUser.Create());
        await first.AddTodoAsync("Book flights");
        var second = await browser.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.TodoCheckbox("Book flights")).ToBeVisibleAsync();

        await first.ClickTodoButtonAsync("Edit", "Book flights");
        await first.Locator("form.edit-form").GetByLabel("Title").FillAsync("Book flights to Lisbon");
        await first.RunAndWaitForResponseAsync(() => first.Keyboard.PressAsync("Enter"), IsApi("PUT"));

        await second.TodoCheckbox("Book flights").CheckAsync();

        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed somewhere else");
        await Expect(second.TodoCheckbox("Book flights to Lisbon")).Not.ToBeCheckedAsync();
        await Expect(second.TodoRow("Book flights")).ToHaveCountAsync(0);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Todos_WhenTheApiRefusesAChange_ShouldUndoItOnScreenAndSaySo()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Renew passport");
        await page.RouteAsync($"{app.ApiUrl}/api/todos/*", async route =>
        {
            if (route.Request.Method != "PUT")
            {
                await route.ContinueAsync();
                return;
            }

            await route.FulfillAsync(ServerError());
        });

        // A click, not CheckAsync: Playwright would keep clicking until the box stays checked.
        await page.TodoCheckbox("Renew passport").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            new Regex("^Couldn't mark “Renew passport” as done\\. Something went wrong on our side\\. Please try again\\. Your change was undone\\."));
        await Expect(page.TodoCheckbox("Renew passport")).Not.ToBeCheckedAsync();
        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await Expect(page.TodoCheckbox("Renew passport")).Not.ToBeCheckedAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Dashboard_WhenUsedWithTheKeyboardOnly_ShouldAddCompleteEditAndDeleteATodo()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("What needs doing?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Typed without a mouse");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), IsApi("POST"));
        await Expect(page.GetByLabel("What needs doing?")).ToBeFocusedAsync();

        var checkbox = page.TodoCheckbox("Typed without a mouse");
        await checkbox.FocusAsync();
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Space"), IsApi("PUT"));
        await Expect(checkbox).ToBeCheckedAsync();
        await Expect(checkbox).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        var edit = page.GetByRole(AriaRole.Button, new() { Name = "Edit “Typed without a mouse”" });
        await Expect(edit).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("form.edit-form").GetByLabel("Title")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(edit).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.TodoRow("Typed without a mouse")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Todos", Exact = true })).ToBeFocusedAsync();
        browser.ShouldHaveRunCleanly();
    }

    private static Func<IResponse, bool> IsApi(string method) =>
        response => response.Request.Method == method && response.Url.Contains("/api/todos", StringComparison.Ordinal);

    private static ILocator Toast(IPage page, string text) => page.Locator(".toast", new() { HasText = text });

    /// <summary>Accepts every dialog (a user who insists on leaving) and lists their types.</summary>
    private static ConcurrentQueue<string> AcceptDialogs(IPage page)
    {
        var types = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) =>
        {
            types.Enqueue(dialog.Type);
            await dialog.AcceptAsync();
        };
        return types;
    }

    private RouteFulfillOptions ServerError() => new()
    {
        Status = 500,
        ContentType = "application/problem+json",
        Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = app.GatewayUrl },
        Body = """{"title":"An error occurred while processing your request.","status":500}""",
    };

    /// <summary>Picks a status in the All / Open / Done switch by clicking its visible label.</summary>
    private static async Task ShowAsync(IPage page, string status)
    {
        await page.Locator("fieldset.segmented").GetByText(status, new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = status })).ToBeCheckedAsync();
    }

    [GeneratedRegex(@"/\?page=2$")]
    private static partial Regex PageTwo();
}
