using System.Net;
using Microsoft.AspNetCore.Hosting;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>The pickup directory: mail becomes .eml files, listed with their links at /dev/outbox in Development only.</summary>
public abstract class DevOutboxTests(StoreProvider provider) : IDisposable
{
    private readonly TemporaryDirectory _outbox = new("todoclean-outbox");
    private readonly List<IDisposable> _hosts = [];

    public sealed class OnSqlite() : DevOutboxTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : DevOutboxTests(StoreProvider.Postgres);

    private HttpClient Start(string environment)
    {
        var factory = new GatewayFactory(provider);
        factory.With("Mail:PickupDirectory", _outbox.Path);
        var host = factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        _hosts.Add(host);
        _hosts.Add(factory);
        return host.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
    }

    [Fact]
    public async Task InDevelopment_ResetMail_ShouldBeAnEmlFileListedWithItsLink()
    {
        var client = Start("Development");
        var user = await AuthFlows.SignUpAsync(client);

        (await client.PostJsonAsync("/api/auth/request-password-reset", new { email = user.Email })).StatusCode.Should().Be(HttpStatusCode.OK);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.GetFiles(_outbox.Path, "*.eml").Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Directory.GetFiles(_outbox.Path, "*.eml").Should().ContainSingle();
        var page = await client.GetAsync("/dev/outbox");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("/api/auth/reset-password/");
    }

    [Fact]
    public async Task OutsideDevelopment_TheOutboxPage_ShouldNotExist()
    {
        var client = Start("Production");

        (await client.GetAsync("/dev/outbox")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _outbox.Dispose();
        GC.SuppressFinalize(this);
    }
}
