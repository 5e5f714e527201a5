using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TodoClean.E2E.Infrastructure;
using TodoClean.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>With JWTs that live six seconds: silent renewal, and what a revoked session looks like to the user.</summary>
[Collection(ShortTokenAppCollection.Name)]
public sealed partial class TokenLifetimeTests(ShortTokenAppFixture app)
{
    private static readonly TimeSpan Lifetime = ShortTokenAppFixture.TokenLifetime;

    [Fact]
    public async Task SilentRefresh_WhenTheAppIsUsedAcrossThreeTokenLifetimes_ShouldRenewTheTokenWithoutAskingToSignIn()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var bearers = new ConcurrentQueue<string>();
        var rejected = 0;
        var signInPrompts = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(app.ApiUrl, StringComparison.Ordinal) && request.Method != "OPTIONS")
            {
                bearers.Enqueue(request.Headers.GetValueOrDefault("authorization") ?? "(none)");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(app.ApiUrl, StringComparison.Ordinal) && response.Status == 401)
            {
                Interlocked.Increment(ref rejected);
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url.Contains("/sign-in", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref signInPrompts);
            }
        };
        await page.SignUpAsync(TestUser.Create());

        var elapsed = Stopwatch.StartNew();
        var step = 0;
        while (elapsed.Elapsed < Lifetime * 3.5)
        {
            await page.AddTodoAsync($"Step {++step:D2}");
            // Waiting is the point here: the tokens must age and expire while the tab stays open.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        await page.ReloadAsync();
        await page.ShouldShowDashboardAsync();
        await Expect(page.GetByText($"{step} todos").Or(page.GetByText($"of {step} todos"))).ToBeVisibleAsync();
        signInPrompts.Should().Be(0, "the user is never asked to sign in again while the session lives");
        rejected.Should().Be(0, "the UI renews the JWT before it expires");
        var tokens = bearers.Distinct().ToList();
        tokens.Should().AllSatisfy(t => t.Should().StartWith("Bearer ey"));
        tokens.Should().HaveCountGreaterThanOrEqualTo(4, "the JWT was renewed at ~80 % of each 6 s lifetime for 21 s");
        var first = JwtForge.Decode(tokens[0]["Bearer ".Length..]).Payload;
        var last = JwtForge.Decode(tokens[^1]["Bearer ".Length..]).Payload;
        (last.GetProperty("iat").GetInt64() - first.GetProperty("exp").GetInt64())
            .Should().BeGreaterThanOrEqualTo((long)Lifetime.TotalSeconds, "the last token was issued well after the first expired");
        last.GetProperty("sub").GetString().Should().Be(first.GetProperty("sub").GetString());
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Refresh_WhenSeveralApiCallsFindTheTokenExpired_ShouldRenewItOnceAndRetryEachCall()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.Clock.InstallAsync();
        await page.SignUpAsync(TestUser.Create());
        string[] titles = ["Pack the tent", "Charge the torch", "Buy batteries"];
        foreach (var title in titles)
        {
            await page.AddTodoAsync(title);
        }

        // Stop the page's clock so its scheduled renewal stays put while the JWT really expires on the server.
        await page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(1));
        var tokenRequests = 0;
        var rejected = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/auth/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref tokenRequests);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(app.ApiUrl, StringComparison.Ordinal) && response.Status == 401)
            {
                Interlocked.Increment(ref rejected);
            }
        };
        await Task.Delay(Lifetime + TimeSpan.FromSeconds(1));
        // A slow renewal, so all three changes are in flight while it is pending.
        await page.RouteAsync("**/api/auth/token", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await route.ContinueAsync();
        });

        foreach (var title in titles)
        {
            await page.TodoCheckbox(title).ClickAsync();
        }

        await Expect(page.Locator("li.todo.is-done:not(.is-pending)")).ToHaveCountAsync(3);
        rejected.Should().BeGreaterThanOrEqualTo(1, "the expired JWT was refused by the API");
        tokenRequests.Should().Be(1, "concurrent renewals collapse into one request");
        await page.ReloadAsync();
        await page.ShouldShowDashboardAsync();
        await Expect(page.Locator("li.todo input:checked")).ToHaveCountAsync(3);
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task RevokedSession_WhenTheNextApiCallIsRefused_ShouldLandOnSignInWithThePlainMessage()
    {
        var user = TestUser.Create();
        await using var laptop = await app.OpenAsync();
        var page = laptop.Page;
        await page.Clock.InstallAsync();
        await page.SignUpAsync(user);
        // Hold the page's timers so the scheduled renewal cannot get there first: the next API call must find out.
        await page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(1));

        await using var phone = await app.OpenAsync(width: 390, height: 844);
        await phone.Page.SubmitSignInAsync(user.Email, user.Password);
        await phone.Page.ShouldShowDashboardAsync();
        await phone.Page.GotoAsync("/account");
        await phone.Page.GetByRole(AriaRole.Button, new() { NameRegex = OtherDevice() }).ClickAsync();
        await Expect(phone.Page.GetByText("You are signed in on this device only.")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(phone.Page, "account-phone");

        // A JWT minted before the revocation stays valid for at most its lifetime: wait that out.
        await Task.Delay(Lifetime + TimeSpan.FromSeconds(1));
        await page.GetByLabel("What needs doing?").FillAsync("After the revocation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add todo" }).ClickAsync();

        await page.ShouldBeOnSignInAsync(returnTo: "/");
        await Expect(page.GetByText("Your session has ended. Please sign in again.")).ToBeVisibleAsync();
        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await page.ShouldShowDashboardAsync();
        await Expect(page.GetByText("You have no todos yet.")).ToBeVisibleAsync();
        laptop.ShouldHaveRunCleanly();
        phone.ShouldHaveRunCleanly();
    }

    [GeneratedRegex("^Sign out .+, last active")]
    private static partial Regex OtherDevice();
}
