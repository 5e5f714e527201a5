using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TodoClean.TestCommon;
using TodoClean.WebApi;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>The whole core slice: a session on the gateway, its JWT accepted by the API, per-user data.</summary>
public abstract class CrossHostTests : IDisposable
{
    private readonly StoreProvider _provider;
    private readonly GatewayFactory _gatewayFactory;
    private readonly TestHostFactory<IWebApiMarker> _apiFactory;
    private readonly HttpClient _gateway;

    protected CrossHostTests(StoreProvider provider)
    {
        _provider = provider;
        _gatewayFactory = new GatewayFactory(provider);
        _apiFactory = new TestHostFactory<IWebApiMarker>(provider, "todos", store => HostSettings.Api(store));
        _gateway = _gatewayFactory.CreateBareClient();
    }

    public sealed class OnSqlite() : CrossHostTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : CrossHostTests(StoreProvider.Postgres);

    [Fact]
    public async Task JwtFromGateway_ShouldBeAcceptedByApiAndIdentifyTheSameUser()
    {
        var user = await AuthFlows.SignUpAsync(_gateway, name: "Cross Host");
        var api = _apiFactory.CreateClient().WithBearer(await AuthFlows.GetJwtAsync(_gateway, user.SessionToken));

        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");

        me.GetProperty("id").GetString().Should().Be(user.Id);
        me.GetProperty("email").GetString().Should().Be(user.Email);
        me.GetProperty("name").GetString().Should().Be("Cross Host");
    }

    [Fact]
    public async Task TwoUsers_ShouldNeverSeeEachOthersTodos()
    {
        var alice = _apiFactory.CreateClient().WithBearer(
            await AuthFlows.GetJwtAsync(_gateway, (await AuthFlows.SignUpAsync(_gateway)).SessionToken));
        var bob = _apiFactory.CreateClient().WithBearer(
            await AuthFlows.GetJwtAsync(_gateway, (await AuthFlows.SignUpAsync(_gateway)).SessionToken));
        var created = await alice.PostAsJsonAsync("/api/todos", new { title = "Alice's secret" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var bobsList = await bob.GetFromJsonAsync<JsonElement>("/api/todos");
        var bobsRead = await bob.GetAsync($"/api/todos/{id}");
        var bobsDelete = await bob.DeleteAsync($"/api/todos/{id}");

        bobsList.GetProperty("totalCount").GetInt32().Should().Be(0);
        bobsRead.StatusCode.Should().Be(HttpStatusCode.NotFound);
        bobsDelete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await alice.GetAsync($"/api/todos/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task JwtFromGatewayWithAnotherSecret_ShouldBeRefusedByApi()
    {
        using var otherGateway = new GatewayFactory(_provider);
        otherGateway.With("Jwt:Secret", TestSecrets.OtherJwtSecret);
        var client = otherGateway.CreateBareClient();
        var user = await AuthFlows.SignUpAsync(client);
        var api = _apiFactory.CreateClient().WithBearer(await AuthFlows.GetJwtAsync(client, user.SessionToken));

        var response = await api.GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        _gatewayFactory.Dispose();
        _apiFactory.Dispose();
    }
}
