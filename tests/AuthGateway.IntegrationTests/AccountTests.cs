using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class AccountTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : AccountTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : AccountTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    private Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        _client.PostJsonAsync("/api/auth/sign-in/email", new { email, password });

    [Fact]
    public async Task ChangePassword_WhenCurrentIsRight_ShouldSwapPasswordsAndKeepTheSession()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = user.Password, newPassword = "a brand new password" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("token").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        body.GetProperty("user").GetProperty("id").GetString().Should().Be(user.Id);
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SignInAsync(user.Email, "a brand new password")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AuthFlows.GetJwtAsync(_client, user.SessionToken)).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ChangePassword_WhenRevokingOtherSessions_ShouldEndThemAllAndReturnANewSession()
    {
        var user = await AuthFlows.SignUpAsync(_client);
        var other = (await SignInAsync(user.Email, user.Password)).Header("set-auth-token")!;

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = user.Password, newPassword = "another new password", revokeOtherSessions = true });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await response.JsonAsync()).GetProperty("token").GetString();
        token.Should().NotBeNullOrEmpty();
        var fresh = response.Header("set-auth-token")!;
        fresh.Should().StartWith(token + ".");
        foreach (var old in new[] { user.SessionToken, other })
        {
            (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: old)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await AuthFlows.GetJwtAsync(_client, fresh)).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ChangePassword_WhenCurrentIsWrong_ShouldReturnInvalidPasswordAndChangeNothing()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = "not my password", newPassword = "a brand new password" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("INVALID_PASSWORD");
        (await SignInAsync(user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_WhenNewIsTooShort_ShouldReturnPasswordTooShort()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = user.Password, newPassword = "short" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("PASSWORD_TOO_SHORT");
    }

    [Fact]
    public async Task UpdateUser_WhenNameAndImageGiven_ShouldShowThemInTheSessionAndResendTheCookie()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/update-user", bearer: user.SessionToken,
            body: new { name = "Renamed", image = "https://example.com/me.png", emailVerified = true });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("status").GetBoolean().Should().BeTrue();
        response.Header("set-auth-token").Should().Be(user.SessionToken);
        var session = await (await _client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: user.SessionToken)).JsonAsync();
        var updated = session.GetProperty("user");
        updated.GetProperty("name").GetString().Should().Be("Renamed");
        updated.GetProperty("image").GetString().Should().Be("https://example.com/me.png");
        updated.GetProperty("emailVerified").GetBoolean().Should().BeFalse();
        JwtForge.Decode(await AuthFlows.GetJwtAsync(_client, user.SessionToken)).Payload.GetProperty("name").GetString().Should().Be("Renamed");
    }

    [Fact]
    public async Task UpdateUser_WhenEmailIsSent_ShouldRefuseWithEmailCanNotBeUpdated()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/update-user", bearer: user.SessionToken,
            body: new { email = "new@example.com", name = "X" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("EMAIL_CAN_NOT_BE_UPDATED");
    }

    [Fact]
    public async Task UpdateUser_WhenNothingToUpdate_ShouldSayNoFieldsToUpdateWithoutACode()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/update-user", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"message":"No fields to update"}""");
    }
}
