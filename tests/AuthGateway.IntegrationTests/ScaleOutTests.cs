using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Both hosts are stateless: any gateway instance serves any session, any API instance accepts any valid JWT, and
/// writes through several instances lose nothing. Real processes on one PostgreSQL server; nginx in front for the last test.
/// </summary>
public sealed class ScaleOutTests(ScaleOutCluster cluster) : IClassFixture<ScaleOutCluster>
{
    // No cookie jar: these clients authenticate with bearer session tokens only, as non-browser clients do.
    private static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(baseUrl) };

    private static async Task<string> SignInAsync(HttpClient gateway, SignedUpUser user)
    {
        var response = await gateway.PostAsJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = user.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.GetValues("set-auth-token").Single();
    }

    private static async Task<string> GetSessionAsync(HttpClient gateway, string sessionToken) =>
        await (await gateway.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: sessionToken)).Content.ReadAsStringAsync();

    [Fact]
    public async Task SessionFromGateway1_ShouldMintATokenOnGateway2ThatBothApiInstancesAccept()
    {
        using var gateway1 = Client(cluster.Gateways[0].BaseUrl);
        using var gateway2 = Client(cluster.Gateways[1].BaseUrl);
        using var api1 = Client(cluster.Apis[0].BaseUrl);
        using var api2 = Client(cluster.Apis[1].BaseUrl);
        var user = await AuthFlows.SignUpAsync(gateway1, name: "Scaled Out");
        var session = await SignInAsync(gateway1, user);

        var jwt = await AuthFlows.GetJwtAsync(gateway2, session);
        api1.WithBearer(jwt);
        api2.WithBearer(jwt);
        var me1 = await api1.GetFromJsonAsync<JsonElement>("/api/me");
        var me2 = await api2.GetFromJsonAsync<JsonElement>("/api/me");
        var created = await api1.PostAsJsonAsync("/api/todos", new { title = "written on api 1" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var readBack = await api2.GetFromJsonAsync<JsonElement>($"/api/todos/{id}");

        me1.GetProperty("id").GetString().Should().Be(user.Id);
        me2.GetProperty("id").GetString().Should().Be(user.Id);
        me2.GetProperty("name").GetString().Should().Be("Scaled Out");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        readBack.GetProperty("title").GetString().Should().Be("written on api 1");
    }

    [Fact]
    public async Task SessionRevokedOnGateway2_ShouldBeRejectedOnGateway1AtOnce()
    {
        using var gateway1 = Client(cluster.Gateways[0].BaseUrl);
        using var gateway2 = Client(cluster.Gateways[1].BaseUrl);
        var user = await AuthFlows.SignUpAsync(gateway1);
        var laptop = await SignInAsync(gateway1, user);
        (await GetSessionAsync(gateway1, laptop)).Should().NotBe("null");

        var revoke = await gateway2.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session",
            bearer: user.SessionToken, body: new { token = laptop[..laptop.LastIndexOf('.')] });
        var sessionOnGateway1 = await GetSessionAsync(gateway1, laptop);
        var tokenOnGateway1 = await gateway1.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: laptop);
        var signOut = await gateway2.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { });
        var firstSessionOnGateway1 = await GetSessionAsync(gateway1, user.SessionToken);

        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        sessionOnGateway1.Should().Be("null");
        tokenOnGateway1.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        signOut.StatusCode.Should().Be(HttpStatusCode.OK);
        firstSessionOnGateway1.Should().Be("null", "signing out on one instance ends the session on every instance");
    }

    [Fact]
    public async Task ConcurrentWritesThroughBothApiInstances_ShouldLoseNothing()
    {
        using var gateway1 = Client(cluster.Gateways[0].BaseUrl);
        var user = await AuthFlows.SignUpAsync(gateway1);
        var jwt = await AuthFlows.GetJwtAsync(gateway1, user.SessionToken);
        using var api1 = Client(cluster.Apis[0].BaseUrl).WithBearer(jwt);
        using var api2 = Client(cluster.Apis[1].BaseUrl).WithBearer(jwt);
        HttpClient Api(int i) => i % 2 == 0 ? api1 : api2;

        // The user's first requests, spread over both instances: provisioning races too.
        var creates = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Api(i).PostAsJsonAsync("/api/todos", new { title = $"write {i:D3}" })));
        var page = await api2.GetFromJsonAsync<JsonElement>("/api/todos?pageSize=100");
        var path = $"/api/todos/{(await creates[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()}";
        var edits = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api(i).PutAsJsonAsync(path, new { title = $"edit {i}", isDone = false })));
        var final = await api1.GetFromJsonAsync<JsonElement>(path);

        creates.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created,
            "every write is accepted; the instances logged:\n{0}", cluster.Problems);
        page.GetProperty("totalCount").GetInt32().Should().Be(100);
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString())
            .Should().BeEquivalentTo(Enumerable.Range(0, 100).Select(i => $"write {i:D3}"));
        edits.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.PreconditionFailed,
            "an edit either applies or is refused as stale; the instances logged:\n{0}", cluster.Problems);
        var accepted = edits.Count(r => r.StatusCode == HttpStatusCode.OK);
        accepted.Should().BePositive();
        final.GetProperty("version").GetString().Should().Be((1 + accepted).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "every accepted edit was applied on top of the previous one, whichever instance took it");
    }

    [Fact]
    public async Task SignOutOnGatewayOne_ShouldBeRefusedByApiTwoWithinSeconds()
    {
        using var gateway1 = Client(cluster.Gateways[0].BaseUrl);
        using var api2 = Client(cluster.Apis[1].BaseUrl);
        var user = await AuthFlows.SignUpAsync(gateway1);
        api2.WithBearer(await AuthFlows.GetJwtAsync(gateway1, user.SessionToken));
        (await api2.GetAsync("/api/todos")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var signOut = await gateway1.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { });
        signOut.StatusCode.Should().Be(HttpStatusCode.OK);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        HttpStatusCode status;
        while ((status = (await api2.GetAsync("/api/todos")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        status.Should().Be(HttpStatusCode.Unauthorized,
            "API 2 follows gateway 2's feed, which reads the store gateway 1 wrote the sign-out to; the instances logged:\n{0}",
            cluster.Problems);
    }

    [Fact]
    public async Task SignUpsForOneEmailRacingOnBothGateways_ShouldCreateOneAccount()
    {
        using var gateway1 = Client(cluster.Gateways[0].BaseUrl);
        using var gateway2 = Client(cluster.Gateways[1].BaseUrl);
        var email = AuthFlows.NewEmail("scale-race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? gateway1 : gateway2).PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Racer", email, password = "password123" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).Should().Be(9);
    }

    [Fact]
    public async Task Nginx_ShouldSpreadRequestsOverBothInstancesOfEachHost()
    {
        await using var nginx = await NginxProcess.StartAsync(cluster.Gateways.Select(g => g.BaseUrl), cluster.Apis.Select(a => a.BaseUrl));
        using var gateway = Client(nginx.GatewayUrl);
        using var api = Client(nginx.ApiUrl);
        var user = await AuthFlows.SignUpAsync(gateway);
        var gatewaysSeen = new HashSet<string>();
        var apisSeen = new HashSet<string>();

        for (var i = 0; i < 4; i++)
        {
            using var token = await gateway.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: user.SessionToken);
            token.StatusCode.Should().Be(HttpStatusCode.OK);
            gatewaysSeen.Add(Upstream(token));
            api.WithBearer((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
            using var me = await api.GetAsync("/api/me");
            me.StatusCode.Should().Be(HttpStatusCode.OK);
            apisSeen.Add(Upstream(me));
        }

        gatewaysSeen.Should().BeEquivalentTo(cluster.Gateways.Select(g => new Uri(g.BaseUrl).Authority));
        apisSeen.Should().BeEquivalentTo(cluster.Apis.Select(a => new Uri(a.BaseUrl).Authority));
    }

    // nginx's X-Upstream lists every instance it tried; the last one answered.
    private static string Upstream(HttpResponseMessage response) =>
        response.Headers.GetValues("X-Upstream").Single().Split(", ").Last();
}
