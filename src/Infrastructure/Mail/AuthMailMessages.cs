using System.Globalization;
using System.Net;
using MimeKit;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Infrastructure.Mail;

/// <summary>Writes the auth mail: a text and an HTML body with the link, until when it works, and who asked from where and when.</summary>
internal static class AuthMailMessages
{
    public static MimeMessage Create(AuthMail mail, MailboxAddress from)
    {
        var (subject, intro, action) = mail.Kind switch
        {
            AuthMailKind.PasswordReset => (
                "Reset your TodoClean password",
                "Someone asked to reset the password of the TodoClean account for this address.",
                "Choose a new password"),
            AuthMailKind.EmailVerification => (
                "Confirm your email address for TodoClean",
                "Someone asked to confirm this address for a TodoClean account.",
                "Confirm this address"),
            _ => throw new ArgumentOutOfRangeException(nameof(mail), mail.Kind, "Unknown kind of mail."),
        };
        var expires = mail.LinkExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var asked = $"Asked on {mail.RequestedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" +
                    (string.IsNullOrEmpty(mail.RequestedFrom) ? "." : $" from the address {mail.RequestedFrom}.");
        const string ignore = "If it was not you, ignore this message: nothing changes until the link is followed.";

        var body = new BodyBuilder
        {
            TextBody = $"""
                Hello {mail.Name},

                {intro}
                {action}: {mail.Link}

                The link works once, until {expires}.
                {asked}
                {ignore}
                """,
            HtmlBody = $"""
                <!DOCTYPE html>
                <html><body>
                <p>Hello {Html(mail.Name)},</p>
                <p>{Html(intro)}</p>
                <p><a href="{Html(mail.Link)}">{Html(action)}</a></p>
                <p>The link works once, until {Html(expires)}.<br>{Html(asked)}</p>
                <p>{Html(ignore)}</p>
                </body></html>
                """,
        };

        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.Name, mail.To));
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(mail.RequestedAt, DateTimeKind.Utc));
        return message;
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
