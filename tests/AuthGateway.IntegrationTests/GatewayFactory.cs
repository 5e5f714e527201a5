using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>The gateway on a fresh SQLite store, with the test secret.</summary>
public sealed class GatewayFactory() : TestHostFactory<IAuthGatewayMarker>(d => HostSettings.Gateway(d.File("auth.db")))
{
    /// <summary>A client that keeps no cookie jar, so each test controls exactly what it sends.</summary>
    public HttpClient CreateBareClient() => CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
}
