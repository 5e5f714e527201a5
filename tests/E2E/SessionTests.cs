using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Signing out, the account page's devices and password, and an unreachable sign-in service.</summary>
[Collection(AppCollection.Name)]
public sealed partial class SessionTests(AppFixture app)
{
    [Fact]
    public async Task SignOut_WhenChosenInOneTab_ShouldSignOutTheOtherTabsAndEndTheSessionOnTheServer()
    {
        await using var browser = await app.OpenAsync();
        var first = browser.Page;
        await first.SignUpAsync(TestUser.Create());
        var second = await browser.NewPageAsync();
        await second.GotoAsync("/account");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await first.ShouldBeOnSignInAsync();
        await Expect(first.GetByText("You have been signed out.")).ToBeVisibleAsync();
        await second.ShouldBeOnSignInAsync(returnTo: "/account");
        await Expect(second.GetByText("You were signed out in another tab.")).ToBeVisibleAsync();
        (await first.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length")).Should().Be(0);
        await second.GotoAsync("/");
        await second.ShouldBeOnSignInAsync(returnTo: "/");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Account_WhenNameAndPasswordChange_ShouldSaveThemAndSignOutTheOtherDevices()
    {
        var user = TestUser.Create();
        await using var phone = await app.OpenAsync(width: 390, height: 844);
        await phone.Page.SignUpAsync(user);
        await using var laptop = await app.OpenAsync();
        var page = laptop.Page;
        await page.SubmitSignInAsync(user.Email, user.Password);
        await page.ShouldShowDashboardAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();

        await Expect(page.GetByText("You are signed in on 2 devices or browsers.")).ToBeVisibleAsync();
        await Expect(page.Locator(".session.is-current")).ToContainTextAsync("This device");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = OtherDevice() })).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(user.Email);
        await Artifacts.ScreenshotAsync(page, "account");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ada King");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.GetByText("Your name has been saved.")).ToBeVisibleAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada King");

        var form = page.Locator("#password-form");
        await form.GetByLabel("Current password").FillAsync("not my password");
        await form.GetByLabel("New password").FillAsync("a brand new passphrase");
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("#current-password-error")).ToContainTextAsync("not correct");
        await Expect(form.GetByLabel("Current password")).ToHaveAttributeAsync("aria-invalid", "true");

        await form.GetByLabel("Current password").FillAsync(user.Password);
        await form.GetByLabel("New password").FillAsync("short");
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("#new-password-error")).ToContainTextAsync("at least 8 characters");

        await form.GetByLabel("New password").FillAsync("a brand new passphrase");
        await Expect(form.GetByLabel("Sign out my other devices")).ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("Your password has been changed and your other devices have been signed out.")).ToBeVisibleAsync();
        await Expect(page.GetByText("You are signed in on this device only.")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.ShouldShowDashboardAsync();
        await phone.Page.ReloadAsync();
        await phone.Page.ShouldBeOnSignInAsync(returnTo: "/");
        await phone.Page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await Expect(phone.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("don't match");
        await phone.Page.SubmitSignInAsync(user.Email, "a brand new passphrase", navigate: false);
        await phone.Page.ShouldShowDashboardAsync();
        await Expect(phone.Page.Locator("#user-name")).ToHaveTextAsync("Ada King");
        phone.ShouldHaveRunCleanly();
        laptop.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Dashboard_WhenTheSignInServiceIsUnreachable_ShouldSayItIsRetryingAndKeepWorkingOnTheValidToken()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.Clock.InstallAsync();
        await page.SignUpAsync(TestUser.Create());
        var tokenRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/auth/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref tokenRequests);
            }
        };
        await page.RouteAsync("**/api/auth/token", route => route.AbortAsync("connectionrefused"));

        // Past 80 % of the 15-minute token on the page's clock: the renewal is due, and fails.
        await page.Clock.FastForwardAsync("12:30");
        var banner = page.GetByText("Can't reach the sign-in service — retrying…");
        await Expect(banner).ToBeVisibleAsync();
        await page.AddTodoAsync("Written while the sign-in service is down");
        await page.Clock.FastForwardAsync("00:10");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(UiSteps.DashboardUrl());
        tokenRequests.Should().BeInRange(1, 4, "renewal is retried with backoff, never in a loop");

        await page.UnrouteAllAsync();
        await page.Clock.FastForwardAsync("00:31");
        await Expect(banner).ToBeHiddenAsync();
        await page.AddTodoAsync("Written after it came back");
        await Expect(page).ToHaveURLAsync(UiSteps.DashboardUrl());
        await Expect(page.Locator("li.todo")).ToHaveCountAsync(2);
        browser.ShouldHaveRunCleanly();
    }

    [GeneratedRegex("^Sign out .+, last active")]
    private static partial Regex OtherDevice();
}
