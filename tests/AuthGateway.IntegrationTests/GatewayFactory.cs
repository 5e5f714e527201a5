using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>The gateway on a fresh store of <paramref name="provider"/>, with the test secret.</summary>
public class GatewayFactory(StoreProvider provider)
    : TestHostFactory<IAuthGatewayMarker>(provider, "auth", store => HostSettings.Gateway(store))
{
    /// <summary>A client that keeps no cookie jar, so each test controls exactly what it sends.</summary>
    public HttpClient CreateBareClient() => CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
}
