using Microsoft.Playwright;
using OtpNet;
using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>
/// Two-step sign-in as a user meets it: turning it on from the account page with a code computed here from the key on
/// screen, then signing in with a code (trusting the device) and with a backup code.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwoFactorTests(AppFixture app)
{
    [Fact]
    public async Task TwoFactor_WhenTurnedOnFromTheAccountPage_ShouldAskForACodeAtTheNextSignIn()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var user = TestUser.Create();
        await page.SignUpAsync(user);

        await page.GotoAsync("/account");
        await Expect(page.Locator("#two-factor-status")).ToContainTextAsync("Off");
        await page.Locator("#two-factor-enable-password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Expect(page.Locator("#two-factor-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/svg\\+xml"));
        var key = (await page.Locator("#two-factor-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var backupCodes = await page.Locator("#backup-code-list code").AllTextContentsAsync();
        backupCodes.Should().HaveCount(10);
        await Artifacts.ScreenshotAsync(page, "two-factor-enrolment");
        await page.GetByLabel("Code from the app").FillAsync(CodeAt(key, DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and turn on" }).ClickAsync();
        await Expect(page.Locator("#two-factor-status")).ToContainTextAsync("On");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await page.ShouldBeOnSignInAsync();
        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await Expect(page.GetByLabel("Authentication code")).ToBeVisibleAsync();
        await page.GetByLabel("Authentication code").FillAsync(CodeAt(key, DateTime.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.ShouldShowDashboardAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await page.ShouldBeOnSignInAsync();
        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a backup code instead" }).ClickAsync();
        await page.GetByLabel("Backup code").FillAsync(backupCodes[0]);
        await page.GetByLabel("Trust this device for 30 days").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.ShouldShowDashboardAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await page.ShouldBeOnSignInAsync();
        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await page.ShouldShowDashboardAsync();
        browser.ShouldHaveRunCleanly();
    }

    private static string CodeAt(string base32Key, DateTime time) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(time);
}
