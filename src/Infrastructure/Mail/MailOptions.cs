namespace TodoClean.Infrastructure.Mail;

/// <summary>
/// How the gateway's mail (password-reset and verification links) leaves: by SMTP when <see cref="Smtp"/>'s host is set,
/// else as <c>.eml</c> files in <see cref="PickupDirectory"/> when that is set, else not at all — then password reset and
/// email verification are off and answer as Better Auth does without a sender.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender, <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "TodoClean <no-reply@localhost>";

    /// <summary>A directory each message is written to as an <c>.eml</c> file, nothing sent (development, tests).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    public bool PickupConfigured => !string.IsNullOrWhiteSpace(PickupDirectory);

    public bool Enabled => SmtpConfigured || PickupConfigured;
}

/// <summary>The SMTP relay (<c>Mail:Smtp:*</c>).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>With a user name the client authenticates (<see cref="Password"/>); without, it sends anonymously.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>How long one connection, authentication or send may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Transport security: none (a local relay or a test listener), STARTTLS (required), or TLS from the first byte.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
