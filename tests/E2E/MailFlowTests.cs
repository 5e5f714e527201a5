using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using TodoClean.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TodoClean.E2E;

/// <summary>Forgot password → mail → new password → sign in, and deleting an account, as a person does it.</summary>
[Collection(AppCollection.Name)]
public sealed partial class MailFlowTests(AppFixture app)
{
    /// <summary>The link of the newest message to <paramref name="email"/> in the gateway's pickup directory, waiting for it.</summary>
    private async Task<string> LinkMailedToAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(app.OutboxDirectory))
            {
                foreach (var file in Directory.GetFiles(app.OutboxDirectory, "*.eml").OrderDescending())
                {
                    using var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email) && Link().Match(message.TextBody ?? string.Empty) is { Success: true } link)
                    {
                        return link.Value;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {email} arrived.");
    }

    [Fact]
    public async Task ForgotPassword_ThroughTheMailedLink_ShouldSetANewPasswordThatSignsIn()
    {
        var user = await app.SignedUpUserAsync();

        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("is on its way");

        await page.GotoAsync(await LinkMailedToAsync(user.Email));
        await Expect(page).ToHaveURLAsync(new Regex("/reset-password$"));
        await page.GetByLabel("New password").FillAsync("a brand new password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your password has been changed");

        await page.SubmitSignInAsync(user.Email, "a brand new password");
        await page.ShouldShowDashboardAsync();
        browser.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task DeleteAccount_WithThePasswordAndTheConfirmation_ShouldEndOnSignInAndTheAccountIsGone()
    {
        var user = TestUser.Create();
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await page.SignUpAsync(user);
        await page.GotoAsync("/account");

        var deletion = page.GetByRole(AriaRole.Region, new() { Name = "Delete account" });
        await deletion.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await deletion.GetByLabel("I understand").CheckAsync();
        await deletion.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?reason=account-deleted$"));
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Your account has been deleted.");
        await page.SubmitSignInAsync(user.Email, user.Password, navigate: false);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("don't match an account");
        browser.ShouldHaveRunCleanly();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
