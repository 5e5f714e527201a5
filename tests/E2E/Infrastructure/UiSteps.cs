using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E.Infrastructure;

/// <summary>What a person does in the UI, found the way assistive technology finds it: by role and label.</summary>
public static partial class UiSteps
{
    /// <summary>Fills the sign-up form on <c>/sign-up</c> without submitting it.</summary>
    public static async Task FillSignUpAsync(this IPage page, TestUser user)
    {
        await page.GotoAsync("/sign-up");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(user.Name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
    }

    public static ILocator CreateAccountButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Create account" });

    /// <summary>Signs up and waits for the (empty) dashboard.</summary>
    public static async Task SignUpAsync(this IPage page, TestUser user)
    {
        await page.FillSignUpAsync(user);
        await page.CreateAccountButton().ClickAsync();
        await page.ShouldShowDashboardAsync();
    }

    /// <summary>Signs in on <c>/sign-in</c> (optionally with a query such as a return path) and submits.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password, bool navigate = true)
    {
        if (navigate)
        {
            await page.GotoAsync("/sign-in");
        }

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>The dashboard has loaded the user's list (possibly empty).</summary>
    public static async Task ShouldShowDashboardAsync(this IPage page)
    {
        await Expect(page).ToHaveURLAsync(DashboardUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your todos" })).ToBeVisibleAsync();
        await Expect(page.Locator("#todo-list[data-loaded='true']")).ToBeAttachedAsync();
        await Expect(page.Locator("#todo-region")).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>The sign-in page, with a return path of <paramref name="returnTo"/> when given.</summary>
    public static async Task ShouldBeOnSignInAsync(this IPage page, string? returnTo = null)
    {
        var pattern = returnTo is null
            ? SignInUrl()
            : new Regex($@"/sign-in\?returnTo={Regex.Escape(Uri.EscapeDataString(returnTo))}(&|$)");
        await Expect(page).ToHaveURLAsync(pattern);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    /// <summary>Adds a todo through the form and waits until the server has confirmed it.</summary>
    public static async Task AddTodoAsync(
        this IPage page, string title, string? notes = null, string? priority = null, string? dueDate = null)
    {
        var form = page.Locator("#add-form");
        await form.GetByLabel("What needs doing?").FillAsync(title);
        if (notes is not null)
        {
            await form.GetByLabel("Notes").FillAsync(notes);
        }

        if (priority is not null)
        {
            await form.GetByLabel("Priority").SelectOptionAsync(new SelectOptionValue { Label = priority });
        }

        if (dueDate is not null)
        {
            await form.GetByLabel("Due date").FillAsync(dueDate);
        }

        await page.RunAndWaitForResponseAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "Add todo" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/api/todos", StringComparison.Ordinal));
        await Expect(page.TodoCheckbox(title)).ToBeEnabledAsync();
    }

    /// <summary>The "done" checkbox of a todo; its accessible name is the todo's title.</summary>
    public static ILocator TodoCheckbox(this IPage page, string title) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = title, Exact = true });

    /// <summary>A todo's row in the list.</summary>
    public static ILocator TodoRow(this IPage page, string title) =>
        page.Locator("li.todo").Filter(new() { Has = page.TodoCheckbox(title) });

    /// <summary>Clicks a row's button ("Edit", "Delete") — their accessible names end with the todo's title.</summary>
    public static Task ClickTodoButtonAsync(this IPage page, string action, string title) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{action} “{title}”", Exact = true }).ClickAsync();

    public static Regex DashboardUrl() => DashboardPattern();

    public static Regex SignInUrl() => SignInPattern();

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/(\?.*)?$")]
    private static partial Regex DashboardPattern();

    [GeneratedRegex(@"/sign-in(\?|$)")]
    private static partial Regex SignInPattern();
}
