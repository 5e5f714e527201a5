using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Infrastructure.Security.Revocation;
using TodoClean.TestCommon;
using TodoClean.WebApi;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Sign-out reaches the API: every event that ends a session is in the gateway's revocation feed, and an API following
/// it refuses that session's JWTs although they have not expired — and only those.
/// </summary>
public abstract class RevocationTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    private readonly GatewayFactory _gatewayFactory;
    private readonly StoreProvider _provider;
    private readonly HttpClient _gateway;
    private readonly FeedSwitch _feed;
    private readonly List<IDisposable> _apis = [];

    protected RevocationTests(StoreProvider provider)
    {
        _provider = provider;
        _gatewayFactory = new GatewayFactory(provider);
        _gateway = _gatewayFactory.CreateBareClient();
        _feed = new FeedSwitch(_gatewayFactory);
    }

    public sealed class OnSqlite() : RevocationTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RevocationTests(StoreProvider.Postgres);

    /// <summary>An API instance following the gateway's feed (in process) every 100 ms, on its own fresh store.</summary>
    private HttpClient StartApi(out TestHostFactory<IWebApiMarker> factory)
    {
        factory = new TestHostFactory<IWebApiMarker>(_provider, "todos", store => HostSettings.Api(store));
        factory.With("Revocation:FeedUrl", "http://gateway.internal/").With("Revocation:PollInterval", "00:00:00.100")
            .With("Revocation:StaleAfter", "00:00:01");
        var feed = _feed;
        var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(RevocationOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => feed.Handler())));
        _apis.Add(host);
        _apis.Add(factory);
        return host.CreateClient();
    }

    private HttpClient StartApi() => StartApi(out _);

    /// <summary>An API instance as <see cref="StartApi(out TestHostFactory{IWebApiMarker})"/>, with its services (to look into its store).</summary>
    private (HttpClient Client, IServiceProvider Services) StartApiWithServices()
    {
        var client = StartApi(out _);
        var host = (WebApplicationFactory<IWebApiMarker>)_apis[^2];
        return (client, host.Services);
    }

    private async Task<string> JwtAsync(string sessionToken) => await AuthFlows.GetJwtAsync(_gateway, sessionToken);

    private static async Task<HttpStatusCode> CallAsync(HttpClient api, string jwt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/todos");
        request.Headers.Authorization = new("Bearer", jwt);
        return (await api.SendAsync(request)).StatusCode;
    }

    /// <summary>Polls until the API gives <paramref name="expected"/> for <paramref name="jwt"/>, for at most <see cref="Within"/>.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient api, string jwt, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + Within;
        HttpStatusCode status;
        while ((status = await CallAsync(api, jwt)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return status;
    }

    private async Task<string> SignInAgainAsync(SignedUpUser user)
    {
        var response = await _gateway.PostAsJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = user.Password });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.GetValues("set-auth-token").Single();
    }

    [Fact]
    public async Task DeleteUser_ShouldMakeTheApiRefuseTheUsersJwtsAndForgetTheirTodos()
    {
        var (api, services) = StartApiWithServices();
        var user = await AuthFlows.SignUpAsync(_gateway);
        var other = await AuthFlows.SignUpAsync(_gateway);
        var jwt = await JwtAsync(user.SessionToken);
        var otherJwt = await JwtAsync(other.SessionToken);
        foreach (var token in new[] { jwt, otherJwt })
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/todos") { Content = JsonContent.Create(new { title = "Buy milk" }) };
            create.Headers.Authorization = new("Bearer", token);
            (await api.SendAsync(create)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var deleted = await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/delete-user", bearer: user.SessionToken,
            body: new { password = user.Password });

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await EventuallyAsync(api, jwt, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized,
            "the deletion is a user-wide record in the revocation feed");
        (await CallAsync(api, otherJwt)).Should().Be(HttpStatusCode.OK, "only the deleted user's tokens are refused");
        var deadline = DateTime.UtcNow + Within;
        int left;
        while ((left = await CountTodosAsync(services, user.Id)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        left.Should().Be(0, "the API forgets the deleted user's todos when it reads the deletion");
        (await CountTodosAsync(services, other.Id)).Should().Be(1);
    }

    private static async Task<int> CountTodosAsync(IServiceProvider services, string ownerId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITodoDbContext>();
        return await db.TodoItems.CountAsync(t => t.OwnerId == ownerId);
    }

    [Fact]
    public async Task SignOut_ShouldMakeTheApiRefuseTheSessionsUnexpiredJwt()
    {
        var api = StartApi();
        var user = await AuthFlows.SignUpAsync(_gateway);
        var jwt = await JwtAsync(user.SessionToken);
        (await CallAsync(api, jwt)).Should().Be(HttpStatusCode.OK);

        (await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await EventuallyAsync(api, jwt, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized,
            "the API learns of the sign-out from the feed within seconds, long before the JWT expires");
    }

    [Fact]
    public async Task RevokingOneDevice_ShouldRefuseThatDevicesJwtsOnly()
    {
        var api = StartApi();
        var user = await AuthFlows.SignUpAsync(_gateway);
        var laptop = await SignInAgainAsync(user);
        var phoneJwt = await JwtAsync(user.SessionToken);
        var laptopJwt = await JwtAsync(laptop);
        var laptopSessionId = JwtForge.Decode(laptopJwt).Payload.GetProperty("sid").GetString();

        (await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-session", bearer: user.SessionToken,
            body: new { token = laptopSessionId })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await EventuallyAsync(api, laptopJwt, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);
        (await CallAsync(api, phoneJwt)).Should().Be(HttpStatusCode.OK, "the device that stayed signed in keeps working");
    }

    [Fact]
    public async Task PasswordChangeThatSignsOutOtherDevices_ShouldRefuseTheirJwtsButNotThisDevicesNewOne()
    {
        var api = StartApi();
        var user = await AuthFlows.SignUpAsync(_gateway);
        var other = await SignInAgainAsync(user);
        var otherJwt = await JwtAsync(other);
        var oldJwtHere = await JwtAsync(user.SessionToken);

        var change = await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = user.Password, newPassword = "a brand new password", revokeOtherSessions = true });
        change.StatusCode.Should().Be(HttpStatusCode.OK);
        var newSession = change.Headers.GetValues("set-auth-token").Single();
        var newJwt = await JwtAsync(newSession);

        (await EventuallyAsync(api, otherJwt, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized);
        (await CallAsync(api, oldJwtHere)).Should().Be(HttpStatusCode.Unauthorized, "every session ended, this one too");
        (await CallAsync(api, newJwt)).Should().Be(HttpStatusCode.OK, "this device's new session works");
    }

    [Fact]
    public async Task FeedDown_ShouldKeepServingValidTokensAndSayDegradedInHealth()
    {
        var api = StartApi();
        var user = await AuthFlows.SignUpAsync(_gateway);
        var jwt = await JwtAsync(user.SessionToken);
        (await CallAsync(api, jwt)).Should().Be(HttpStatusCode.OK);

        _feed.Down = true;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        JsonElement health;
        do
        {
            await Task.Delay(200);
            health = await api.GetFromJsonAsync<JsonElement>("/health");
        }
        while (health.GetProperty("status").GetString() != "Degraded" && DateTime.UtcNow < deadline);

        health.GetProperty("status").GetString().Should().Be("Degraded");
        health.GetProperty("checks").GetProperty("revocation-feed").GetProperty("description").GetString()
            .Should().Contain("s ago");
        (await CallAsync(api, jwt)).Should().Be(HttpStatusCode.OK, "a gateway outage does not stop valid tokens");

        _feed.Down = false;
        (await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await EventuallyAsync(api, jwt, HttpStatusCode.Unauthorized)).Should().Be(HttpStatusCode.Unauthorized,
            "once the feed answers again the API catches up");
    }

    [Fact]
    public async Task AnApiStartedAfterTheSignOut_ShouldRefuseTheJwtFromItsFirstRequest()
    {
        var user = await AuthFlows.SignUpAsync(_gateway);
        var jwt = await JwtAsync(user.SessionToken);
        (await _gateway.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var restarted = StartApi();

        (await CallAsync(restarted, jwt)).Should().Be(HttpStatusCode.Unauthorized,
            "a new instance loads the revocations in force before it serves");
    }

    [Fact]
    public async Task Feed_WithoutItsKey_ShouldBeRefused()
    {
        var anonymous = await _gateway.GetAsync("/internal/revocations");
        var wrongKey = await _gateway.SendWithAsync(HttpMethod.Get, "/internal/revocations", bearer: Convert.ToBase64String(new byte[32]));

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrongKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        foreach (var api in _apis)
        {
            api.Dispose();
        }

        _gatewayFactory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The API's way to the gateway's feed: the gateway's in-process handler, or — while down — no answer at all.</summary>
    private sealed class FeedSwitch(GatewayFactory gateway)
    {
        public bool Down { get; set; }

        public HttpMessageHandler Handler() => new Switch(this, gateway.Server.CreateHandler());

        private sealed class Switch(FeedSwitch owner, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                owner.Down ? throw new HttpRequestException("The gateway is unreachable.") : base.SendAsync(request, cancellationToken);
        }
    }
}
