using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>
/// The proof with the real thing: a user signs up on a real Better Auth server, takes a JWT from its
/// <c>/api/auth/token</c>, and uses the todo API with it — which knows only that server's JWKS.
/// </summary>
public abstract class BetterAuthTokenTests(BetterAuthApiFactory factory)
{
    public sealed class OnSqlite(SqliteBetterAuthApiFactory factory)
        : BetterAuthTokenTests(factory), IClassFixture<SqliteBetterAuthApiFactory>;

    public sealed class OnPostgres(PostgresBetterAuthApiFactory factory)
        : BetterAuthTokenTests(factory), IClassFixture<PostgresBetterAuthApiFactory>;

    public static TheoryData<string> Algorithms() => new(BetterAuthApiFactory.Algorithms);

    private async Task<(string UserId, string Email, HttpClient Client, string Jwt)> SignUpAsync(string algorithm)
    {
        var email = $"ba{Guid.NewGuid():N}@example.com";
        var server = factory.Server(algorithm);
        var (userId, session) = await server.SignUpAsync(email, "Ada Lovelace");
        var jwt = await server.TokenAsync(session);
        return (userId, email, factory.Api(algorithm).CreateClient().WithBearer(jwt), jwt);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Todos_WhenTokenComesFromBetterAuth_ShouldServeItsUserAndKeepUsersApart(string algorithm)
    {
        var ada = await SignUpAsync(algorithm);
        var bob = await SignUpAsync(algorithm);

        var me = await ada.Client.GetFromJsonAsync<JsonElement>("/api/me");
        var created = await ada.Client.CreateTodoAsync(new { title = "Ship the Better Auth integration" });
        var id = created.GetProperty("id").GetString();
        var updated = await ada.Client.PutJsonAsync($"/api/todos/{id}", new { title = "Shipped", isDone = true },
            ifMatch: $"\"{created.GetProperty("version").GetString()}\"");
        var bobsList = await bob.Client.GetFromJsonAsync<JsonElement>("/api/todos");
        var bobReadsAdas = await bob.Client.GetAsync($"/api/todos/{id}");
        var bobDeletesAdas = await bob.Client.DeleteAsync($"/api/todos/{id}");
        var adaDeletes = await ada.Client.DeleteAsync($"/api/todos/{id}");

        JwtForge.Decode(ada.Jwt).Header.GetProperty("alg").GetString().Should().Be(algorithm);
        me.GetProperty("id").GetString().Should().Be(ada.UserId);
        me.GetProperty("email").GetString().Should().Be(ada.Email);
        me.GetProperty("name").GetString().Should().Be("Ada Lovelace");
        updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        bobsList.GetProperty("items").GetArrayLength().Should().Be(0);
        bobReadsAdas.StatusCode.Should().Be(HttpStatusCode.NotFound);
        bobDeletesAdas.StatusCode.Should().Be(HttpStatusCode.NotFound);
        adaDeletes.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Todos_WhenBetterAuthTokenIsTampered_ShouldReturn401(string algorithm)
    {
        var ada = await SignUpAsync(algorithm);
        var parts = ada.Jwt.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!
            .ToDictionary(p => p.Key, p => (object)p.Value);
        payload["sub"] = "someone-else";
        payload["id"] = "someone-else";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
        var badSignature = $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(new byte[Base64UrlEncoder.DecodeBytes(parts[2]).Length])}";
        var api = factory.Api(algorithm);

        var tamperedResponse = await api.CreateClient().WithBearer(tampered).GetAsync("/api/todos");
        var badSignatureResponse = await api.CreateClient().WithBearer(badSignature).GetAsync("/api/todos");
        var original = await ada.Client.GetAsync("/api/todos");

        tamperedResponse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        badSignatureResponse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        original.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Todos_WhenTokenComesFromAnotherBetterAuthServer_ShouldReturn401()
    {
        var fromEs256Server = await SignUpAsync("ES256");

        var response = await factory.Api("EdDSA").CreateClient().WithBearer(fromEs256Server.Jwt).GetAsync("/api/todos");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
