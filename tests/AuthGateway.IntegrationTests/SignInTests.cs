using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class SignInTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : SignInTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : SignInTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    [Fact]
    public async Task SignIn_WhenCredentialsAreRight_ShouldStartANewSession()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.PostJsonAsync("/api/auth/sign-in/email",
            new { email = user.Email.ToUpperInvariant(), password = user.Password });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("redirect").GetBoolean().Should().BeFalse();
        body.TryGetProperty("url", out _).Should().BeFalse();
        body.GetProperty("user").GetProperty("id").GetString().Should().Be(user.Id);
        var token = body.GetProperty("token").GetString()!;
        user.SessionToken.Should().NotStartWith(token, "each sign-in starts its own session");
        response.Header("set-auth-token").Should().StartWith(token + ".");
    }

    [Fact]
    public async Task SignIn_WhenEmailIsUnknownOrPasswordWrong_ShouldAnswerExactlyTheSame()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var wrongPassword = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = "wrong-password" });
        var unknownEmail = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = AuthFlows.NewEmail(), password = "wrong-password" });
        var tooShort = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = "x" });

        foreach (var response in new[] { wrongPassword, unknownEmail, tooShort })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync())
                .Should().Be("""{"message":"Invalid email or password","code":"INVALID_EMAIL_OR_PASSWORD"}""");
            response.SetCookies().Should().BeEmpty();
        }
    }

    [Fact]
    public async Task SignIn_WhenEmailIsMalformed_ShouldReturnInvalidEmail()
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = "nobody", password = "password123" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("INVALID_EMAIL");
    }

    [Fact]
    public async Task SignIn_WhenPasswordIsMissing_ShouldReturnValidationErrorForPassword()
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-in/email", new { email = "a@example.com" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (message, code) = await response.ErrorAsync();
        code.Should().Be("VALIDATION_ERROR");
        message.Should().StartWith("[body.password]");
    }

    [Fact]
    public async Task SignIn_WhenRememberMeIsFalse_ShouldSetABrowserSessionCookieAndTheDontRememberCookie()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.PostJsonAsync("/api/auth/sign-in/email",
            new { email = user.Email, password = user.Password, rememberMe = false });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookies = response.SetCookies();
        cookies.Should().HaveCount(2);
        cookies.Single(c => c.StartsWith("better-auth.session_token=", StringComparison.Ordinal)).Should().NotContain("Max-Age");
        cookies.Single(c => c.StartsWith("better-auth.dont_remember=", StringComparison.Ordinal))
            .Should().MatchRegex("^better-auth.dont_remember=true.[^;]+; Path=/; HttpOnly; SameSite=Lax$");
    }

    [Fact]
    public async Task SignIn_WhenCallbackUrlIsGiven_ShouldAnswerRedirectTrueWithLocation()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.PostJsonAsync("/api/auth/sign-in/email",
            new { email = user.Email, password = user.Password, callbackURL = "/dashboard" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("redirect").GetBoolean().Should().BeTrue();
        body.GetProperty("url").GetString().Should().Be("/dashboard");
        response.Headers.Location!.ToString().Should().Be("/dashboard");
    }
}
