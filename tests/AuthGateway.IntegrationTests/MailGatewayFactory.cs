using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// The gateway with its mail going out through MailKit to a real SMTP server started for it on 127.0.0.1 and a free port;
/// <see cref="Smtp"/> holds what arrived.
/// </summary>
public class MailGatewayFactory : GatewayFactory
{
    public MailGatewayFactory(StoreProvider provider)
        : base(provider)
    {
        Smtp = SmtpTestServer.Start();
        foreach (var (key, value) in Smtp.GatewaySettings)
        {
            With(key, value);
        }
    }

    public SmtpTestServer Smtp { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>Class fixture: the mailing gateway on SQLite.</summary>
public sealed class SqliteMailGatewayFactory() : MailGatewayFactory(StoreProvider.Sqlite);

/// <summary>Class fixture: the mailing gateway on PostgreSQL.</summary>
public sealed class PostgresMailGatewayFactory() : MailGatewayFactory(StoreProvider.Postgres);
