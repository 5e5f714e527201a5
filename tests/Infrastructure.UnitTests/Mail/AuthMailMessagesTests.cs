using MimeKit;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Mail;

namespace TodoClean.Infrastructure.UnitTests.Mail;

public sealed class AuthMailMessagesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static AuthMail Mail(AuthMailKind kind = AuthMailKind.PasswordReset, string name = "Alice") => new(
        kind, "alice@example.com", name, "https://auth.example.com/api/auth/reset-password/abc?callbackURL=%2Freset",
        Now.AddHours(1), "203.0.113.7", Now);

    [Fact]
    public void Create_ShouldCarryTheLinkExpiryAndWhoAskedInTextAndHtml()
    {
        using var message = AuthMailMessages.Create(Mail(), MailboxAddress.Parse("TodoClean <no-reply@example.com>"));

        message.Subject.Should().Be("Reset your TodoClean password");
        message.To.Mailboxes.Single().Address.Should().Be("alice@example.com");
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            body.Should().Contain("https://auth.example.com/api/auth/reset-password/abc?callbackURL=%2Freset")
                .And.Contain("2026-11-25 11:00 UTC").And.Contain("203.0.113.7");
        }
    }

    [Fact]
    public void Create_ShouldHtmlEncodeWhatTheUserChose()
    {
        using var message = AuthMailMessages.Create(Mail(AuthMailKind.EmailVerification, "<script>x</script>"), MailboxAddress.Parse("no-reply@example.com"));

        message.Subject.Should().Be("Confirm your email address for TodoClean");
        message.HtmlBody.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
    }
}
