using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Infrastructure.Mail;

/// <summary>
/// The auth mail port: <see cref="Queue"/> hands the message to a bounded in-memory queue and returns, and this background
/// service sends it with MailKit (SMTP) or writes it with MimeKit to the pickup directory. A failure is logged (the
/// recipient's user-facing answer was already given, as Better Auth does with its background sender); no link or token is
/// ever logged. A message still queued when the process stops is lost: the user asks again.
/// </summary>
internal sealed class AuthMailer : BackgroundService, IAuthMailer
{
    /// <summary>More queued than this is a flood (the endpoints are rate limited): further messages are dropped and logged.</summary>
    private const int QueueLimit = 1000;

    private readonly Channel<AuthMail> _queue =
        Channel.CreateBounded<AuthMail>(new BoundedChannelOptions(QueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private readonly MailOptions _options;
    private readonly ILogger<AuthMailer> _logger;

    public AuthMailer(IOptions<MailOptions> options, ILogger<AuthMailer> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public bool Enabled => _options.Enabled;

    public void Queue(AuthMail mail)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException("No mail transport is configured (Mail:Smtp:Host or Mail:PickupDirectory).");
        }

        if (!_queue.Writer.TryWrite(mail))
        {
            _logger.LogWarning("The mail queue is full: a {Kind} message was dropped", mail.Kind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            _logger.LogWarning(
                "No mail transport configured (Mail:Smtp:Host, Mail:PickupDirectory): password reset and email " +
                "verification are off and answer RESET_PASSWORD_DISABLED / VERIFICATION_EMAIL_NOT_ENABLED");
            return;
        }

        _logger.LogInformation("Auth mail goes out {Transport}",
            _options.SmtpConfigured ? $"by SMTP through {_options.Smtp.Host}:{_options.Smtp.Port}" : $"to the pickup directory {_options.PickupDirectory}");
        var from = MailboxAddress.Parse(_options.From);
        await foreach (var mail in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var message = AuthMailMessages.Create(mail, from);
                if (_options.SmtpConfigured)
                {
                    await SendAsync(message, stoppingToken);
                }
                else
                {
                    await WriteAsync(message, stoppingToken);
                }

                _logger.LogInformation("{Kind} mail sent", mail.Kind);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                // The type and the server's message only: the exception could otherwise carry the message text (and link).
                _logger.LogError("A {Kind} mail could not be sent: {Error}: {Reason}", mail.Kind, e.GetType().Name, e.Message);
            }
        }
    }

    private async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = _options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(_options.PickupDirectory!);
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        // Renamed once complete, so a reader never sees half a message.
        File.Move(temporary, Path.Combine(directory, name));
    }
}
