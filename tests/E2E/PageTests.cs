using Microsoft.Playwright;
using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Every page: locked down by its headers, self-contained, and usable on a phone-sized screen.</summary>
[Collection(AppCollection.Name)]
public sealed class PageTests(AppFixture app)
{
    [Fact]
    public async Task Pages_WhenServed_ShouldCarryAStrictContentSecurityPolicyAndLoadNothingFromElsewhere()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.GatewayUrl, StringComparison.Ordinal)
                && !request.Url.StartsWith(app.ApiUrl, StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };

        foreach (var path in new[] { "/sign-up", "/sign-in", "/css/app.css", "/js/api.js" })
        {
            var response = await page.GotoAsync(path);
            var headers = await response!.AllHeadersAsync();
            headers["content-security-policy"].Should()
                .Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("style-src 'self'")
                .And.Contain($"connect-src 'self' {app.ApiUrl}").And.Contain("frame-ancestors 'none'")
                .And.Contain("object-src 'none'").And.NotContain("unsafe");
            headers["x-content-type-options"].Should().Be("nosniff");
            headers["x-frame-options"].Should().Be("DENY");
            headers["referrer-policy"].Should().Be("no-referrer");
            headers["cache-control"].Should().Be("no-cache", "pages and scripts are revalidated, never served stale");
        }

        var config = await page.APIRequest.GetAsync("/ui-config.json");
        (await config.JsonAsync())!.Value.GetProperty("apiBaseUrl").GetString().Should().Be(app.ApiUrl);

        await page.SignUpAsync(TestUser.Create());
        await page.AddTodoAsync("Check the headers");
        (await page.EvaluateAsync<string>("() => document.cookie")).Should().BeEmpty("the session cookie is HttpOnly");
        (await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length")).Should().Be(0, "the JWT lives in memory only");
        foreign.Should().BeEmpty("everything is served locally");
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Pages_WhenViewedOnANarrowPhone_ShouldFitTheScreenWithoutSidewaysScrolling()
    {
        await using var browser = await app.OpenAsync(width: 360, height: 740);
        var page = browser.Page;

        await page.GotoAsync("/sign-in");
        await ShouldFitAsync(page, "sign-in-phone");
        await page.FillSignUpAsync(TestUser.Create("Grace Hopper"));
        await ShouldFitAsync(page, "sign-up-phone");
        await page.CreateAccountButton().ClickAsync();
        await page.ShouldShowDashboardAsync();
        await page.AddTodoAsync("Pick up the dry cleaning before the shop closes on Saturday", priority: "High", dueDate: "2031-06-01");
        await page.AddTodoAsync("Reply to the letter", notes: "Ask about the dates in June and the booking reference.");
        await ShouldFitAsync(page, "dashboard-phone");
        await page.ClickTodoButtonAsync("Edit", "Reply to the letter");
        await ShouldFitAsync(page, "dashboard-edit-phone");
        await page.GotoAsync("/account");
        await Expect(page.GetByText("You are signed in on this device only.")).ToBeVisibleAsync();
        await ShouldFitAsync(page, "account-phone-single");
        browser.ShouldHaveRunCleanly();
    }

    private static async Task ShouldFitAsync(IPage page, string screenshot)
    {
        await Artifacts.ScreenshotAsync(page, screenshot);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.getClientRects().length)
              .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        overflowing.Should().BeEmpty($"{page.Url} must fit a {page.ViewportSize!.Width} px wide screen without sideways scrolling");
    }
}
