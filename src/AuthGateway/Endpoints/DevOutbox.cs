using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Mail;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>
/// Development only: <c>GET /dev/outbox</c> lists the messages in <c>Mail:PickupDirectory</c>, newest first, with their
/// links, so reset and verification can be tried without a mail server. Never mapped outside Development, nor without a
/// pickup directory; not part of the API description.
/// </summary>
public sealed partial class DevOutbox : IEndpointGroup
{
    private const int MaxMessages = 50;

    public void Map(IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var mail = app.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value;
        if (!environment.IsDevelopment() || !mail.PickupConfigured || mail.SmtpConfigured)
        {
            return;
        }

        app.MapGet("/dev/outbox", List).ExcludeFromDescription();
    }

    public static async Task<IResult> List(IOptions<MailOptions> options, CancellationToken cancellationToken)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(options.Value.PickupDirectory!));
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Outbox</title></head><body><h1>Outbox (development)</h1>");
        var files = directory.Exists
            ? directory.GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(MaxMessages).ToList()
            : [];
        if (files.Count == 0)
        {
            html.Append("<p>No messages yet.</p>");
        }

        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            html.Append("<article><h2>").Append(Encode(message.Subject)).Append("</h2><p>To ")
                .Append(Encode(message.To.ToString())).Append(", ").Append(Encode(message.Date.ToString("u"))).Append("</p><ul>");
            foreach (Match link in Link().Matches(message.TextBody ?? string.Empty))
            {
                html.Append("<li><a href=\"").Append(Encode(link.Value)).Append("\">").Append(Encode(link.Value)).Append("</a></li>");
            }

            html.Append("</ul></article>");
        }

        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
