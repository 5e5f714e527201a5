using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;
using TodoClean.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Sign-up and sign-in as a new user meets them: the happy path, each kind of bad input, the way back.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthPagesTests(AppFixture app, ITestOutputHelper output)
{
    private const string OffSiteHost = "evil.example";

    /// <summary>
    /// Return paths that try to leave the site: dot segments (plain, percent-encoded, after a real segment) that collapse
    /// only when the browser resolves the path, leaving one that starts with "//" — another host; a backslash, which the
    /// browser reads as a slash; a tab, which it drops; another host outright; another scheme.
    /// </summary>
    private static readonly string[] OffSiteReturnPaths =
    [
        $"/.//{OffSiteHost}/",
        $"/%2e/%2e//{OffSiteHost}/",
        $"/%2E%2E//{OffSiteHost}/",
        $"/todos/..//{OffSiteHost}/",
        $"/\\{OffSiteHost}/",
        $"//{OffSiteHost}/",
        $"/\t/{OffSiteHost}/",
        $"https://{OffSiteHost}/",
        "javascript:alert(document.domain)",
    ];

    [Fact]
    public async Task SignIn_BeforeThePageScriptHasLoaded_ShouldSubmitNothingAndNeverPutThePasswordInTheAddress()
    {
        var user = await app.SignedUpUserAsync();

        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);
        // A slow network: the form is on screen while its script is still on its way.
        var script = await HeldRequest.HoldNextAsync(browser.Context, "GET", $"{app.GatewayUrl}/js/pages/sign-in.js");
        await page.GotoAsync("/sign-in", new() { WaitUntil = WaitUntilState.Commit });
        await script.SentAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
        await Expect(button).ToBeDisabledAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await page.GetByLabel("Password", new() { Exact = true }).PressAsync("Enter");
        await button.ClickAsync(new() { Force = true });

        script.Release();
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        await page.ShouldShowDashboardAsync();
        requested.Should().NotContain(url => url.Contains("password", StringComparison.OrdinalIgnoreCase)
            || url.Contains(Uri.EscapeDataString(user.Password), StringComparison.Ordinal),
            "a form submitted before its script ran would have reloaded the page with the password in the address");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignUp_WhenTheFormIsValid_ShouldLandOnTheDashboardAndReportHowLongItTook()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.FillSignUpAsync(TestUser.Create());
        await Artifacts.ScreenshotAsync(page, "sign-up");

        var stopwatch = Stopwatch.StartNew();
        await page.CreateAccountButton().ClickAsync();
        await Expect(page.GetByText("You have no todos yet.")).ToBeVisibleAsync();
        stopwatch.Stop();

        await page.ShouldShowDashboardAsync();
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("Ada Lovelace");
        output.WriteLine($"Sign-up → dashboard (submit to first rendered list): {stopwatch.ElapsedMilliseconds} ms");
        Artifacts.RecordTiming("sign-up → dashboard (submit to first rendered list)", stopwatch.Elapsed);
        await Artifacts.ScreenshotAsync(page, "dashboard-empty");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignUp_WhenEmailOrPasswordIsInvalid_ShouldShowTheGatewaysMessageBesideEachField()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var email = page.GetByLabel("Email", new() { Exact = true });
        var password = page.GetByLabel("Password", new() { Exact = true });

        await page.FillSignUpAsync(TestUser.Create() with { Email = "not-an-email" });
        await page.CreateAccountButton().ClickAsync();

        await Expect(page.Locator("#email-error")).ToContainTextAsync("valid email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveAttributeAsync("aria-describedby", "email-error");
        await Expect(email).ToBeFocusedAsync();
        await Expect(password).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await email.FillAsync(TestUser.Create().Email);
        await password.FillAsync("short");
        await page.CreateAccountButton().ClickAsync();

        await Expect(page.Locator("#password-error")).ToContainTextAsync("at least 8 characters");
        await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(password).ToHaveAttributeAsync("aria-describedby", "password-hint password-error");
        await Expect(email).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-up$"));
        await Artifacts.ScreenshotAsync(page, "sign-up-errors");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignUpAndSignIn_WhenRequiredFieldsAreEmpty_ShouldSayWhatIsMissingWithoutSendingAnything()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var sent = 0;
        page.Request += (_, request) => sent += request.Url.Contains("/api/auth/sign-", StringComparison.Ordinal) ? 1 : 0;

        await page.GotoAsync("/sign-up");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("   ");
        await page.CreateAccountButton().ClickAsync();
        await Expect(page.Locator("#name-error")).ToHaveTextAsync("Enter your name.");
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your email address.");
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("Choose a password.");

        await page.SubmitSignInAsync(email: "", password: "");
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your email address.");
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("Enter your password.");
        await Expect(page).ToHaveURLAsync(UiSteps.SignInUrl());

        sent.Should().Be(0, "nothing is sent until the required fields are filled in");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignUp_WhenTheEmailAlreadyHasAnAccount_ShouldSaySoBesideTheEmail()
    {
        var user = await app.SignedUpUserAsync();

        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.FillSignUpAsync(user with { Email = user.Email.ToUpperInvariant() });
        await page.CreateAccountButton().ClickAsync();

        await Expect(page.Locator("#email-error")).ToContainTextAsync("already exists");
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignIn_WhenThePasswordIsWrong_ShouldShowOneClearMessageAndDisableTheButtonWhileWaiting()
    {
        var user = await app.SignedUpUserAsync();

        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/auth/sign-in/email", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Signing in…" });

        await page.SubmitSignInAsync(user.Email, "wrong password");
        await Expect(button).ToBeDisabledAsync();
        release.SetResult();

        var message = page.GetByRole(AriaRole.Alert);
        await Expect(message).ToHaveTextAsync("That email and password don't match an account. Check them and try again.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeEnabledAsync();
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync(user.Email);

        await page.UnrouteAllAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("nobody-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Locator("#email-error")).ToContainTextAsync("valid email");
        await Expect(message).ToBeHiddenAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignIn_WhenASignedOutVisitorOpensAProtectedPage_ShouldSendThemBackThereAfterSigningIn()
    {
        var user = await app.SignedUpUserAsync();

        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/account");
        await page.ShouldBeOnSignInAsync(returnTo: "/account");
        await Artifacts.ScreenshotAsync(page, "sign-in");

        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/sign-in?returnTo=%2F%2Fevil.example%2F");
        await page.ShouldShowDashboardAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignIn_WhenASignedInVisitorArrivesWithAReturnPathToAnotherSite_ShouldStayOnThisSite()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(TestUser.Create());
        var offSite = await AnswerOffSiteRequestsAsync(browser);

        var landed = new List<string>();
        foreach (var returnTo in OffSiteReturnPaths)
        {
            await page.GotoAsync($"/sign-in?returnTo={Uri.EscapeDataString(returnTo)}");
            landed.Add($"{returnTo} → {await WhereSignInLeadsAsync(page)}");
        }

        landed.Should().AllSatisfy(
            entry => entry.Should().EndWith($" → {app.GatewayUrl}/"), "a return path never leads off the site\n{0}", app.HostOutput);
        offSite.Should().BeEmpty();
        await page.ShouldShowDashboardAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task SignIn_WhenTheReturnPathPointsToAnotherSite_ShouldLandOnThisSitesDashboardAfterSigningIn()
    {
        var user = await app.SignedUpUserAsync();

        var landed = new List<string>();
        var offSite = new List<string>();
        foreach (var returnTo in OffSiteReturnPaths)
        {
            await using var browser = await app.OpenAsync();
            var page = browser.Page;
            var requests = await AnswerOffSiteRequestsAsync(browser);
            await page.GotoAsync($"/sign-in?returnTo={Uri.EscapeDataString(returnTo)}");

            await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);

            landed.Add($"{returnTo} → {await WhereSignInLeadsAsync(page)}");
            offSite.AddRange(requests);
            browser.ShouldHaveRunCleanly();
        }

        landed.Should().AllSatisfy(
            entry => entry.Should().EndWith($" → {app.GatewayUrl}/"), "a return path never leads off the site\n{0}", app.HostOutput);
        offSite.Should().BeEmpty();
    }

    /// <summary>
    /// Answers every request for the other site with a stand-in page, so a page sent there arrives (instead of failing
    /// to resolve the name) and the request is on record.
    /// </summary>
    private static async Task<ConcurrentQueue<string>> AnswerOffSiteRequestsAsync(BrowserSession browser)
    {
        var requests = new ConcurrentQueue<string>();
        await browser.Context.RouteAsync(
            $"*://{OffSiteHost}/**",
            async route =>
            {
                requests.Enqueue(route.Request.Url);
                await route.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><title>Elsewhere</title>" });
            });
        return requests;
    }

    /// <summary>
    /// Waits until the page leaves the sign-in page and says where it went — or, if it never leaves, what it shows. The
    /// address is polled: waiting for a navigation event can miss one that happens the moment the page is submitted.
    /// </summary>
    private static async Task<string> WhereSignInLeadsAsync(IPage page)
    {
        try
        {
            await Expect(page).Not.ToHaveURLAsync(UiSteps.SignInUrl());
        }
        catch (PlaywrightException)
        {
            return $"still on {page.Url}, showing: {await page.Locator("main").InnerTextAsync()}";
        }

        return page.Url;
    }
}
