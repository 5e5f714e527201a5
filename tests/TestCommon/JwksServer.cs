using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TodoClean.TestCommon;

/// <summary>
/// A JWKS endpoint on a loopback port of its own (<c>GET /jwks</c>), serving whatever keys a test gives it and counting
/// the fetches, so a test can show the API caches, refetches, and does not storm.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private string _document = """{"keys":[]}""";
    private int _fetches;

    private JwksServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>How many times the JWKS was fetched.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>When set, a fetch answers 503 instead of the keys.</summary>
    public bool Failing { get; set; }

    public static async Task<JwksServer> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new JwksServer(app);
        server.Publish(keys);
        app.MapGet("/jwks", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._fetches);
            return server.Failing
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text(server._document, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = $"{address}/jwks";
        return server;
    }

    /// <summary>Publishes the public halves of <paramref name="keys"/> from now on.</summary>
    public void Publish(params TestSigningKey[] keys) =>
        _document = JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk).ToArray() });

    /// <summary>Publishes a raw JWKS document as given.</summary>
    public void PublishRaw(string json) => _document = json;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
