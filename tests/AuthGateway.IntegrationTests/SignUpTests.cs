using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract partial class SignUpTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : SignUpTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : SignUpTests(factory), IClassFixture<PostgresGatewayFactory>;

    private readonly HttpClient _client = factory.CreateBareClient();

    [Fact]
    public async Task SignUp_WhenValid_ShouldReturnTokenAndUserAndSetSignedSessionCookie()
    {
        var email = AuthFlows.NewEmail("alice");

        var response = await _client.PostJsonAsync("/api/auth/sign-up/email", new { name = "Alice", email, password = "password123" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        var token = body.GetProperty("token").GetString()!;
        var user = body.GetProperty("user");
        user.GetProperty("email").GetString().Should().Be(email);
        user.GetProperty("name").GetString().Should().Be("Alice");
        user.GetProperty("emailVerified").GetBoolean().Should().BeFalse();
        user.GetProperty("id").GetString().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        user.GetProperty("createdAt").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");

        var cookie = response.SetCookies().Should().ContainSingle().Subject;
        var match = SessionCookie().Match(cookie);
        match.Success.Should().BeTrue(cookie);
        var signed = Uri.UnescapeDataString(match.Groups["value"].Value);
        signed.Should().StartWith(token + ".");
        response.Header("set-auth-token").Should().Be(signed);
        response.Header("Access-Control-Expose-Headers").Should().Contain("set-auth-token");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task SignUp_WhenEmailHasCapitalsAndSpaces_ShouldStoreItTrimmedAndLowerCased()
    {
        var local = $"Mixed.{Guid.NewGuid():N}";

        var response = await _client.PostJsonAsync("/api/auth/sign-up/email",
            new { name = "M", email = $"  {local.ToUpperInvariant()}@Example.COM ", password = "password123" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("user").GetProperty("email").GetString()
            .Should().Be($"{local.ToLowerInvariant()}@example.com");
    }

    [Fact]
    public async Task SignUp_WhenEmailIsTakenInAnotherCase_ShouldReturn422UserAlreadyExists()
    {
        var email = AuthFlows.NewEmail("dup");
        await AuthFlows.SignUpAsync(_client, email);

        var response = await _client.PostJsonAsync("/api/auth/sign-up/email",
            new { name = "Again", email = email.ToUpperInvariant(), password = "password123" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ErrorAsync()).Should().Be(("User already exists. Use another email.", "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"));
        response.SetCookies().Should().BeEmpty();
    }

    [Theory]
    [InlineData("not-an-email", "password123", "VALIDATION_ERROR", "[body.email]")]
    [InlineData("", "password123", "VALIDATION_ERROR", "[body.email]")]
    [InlineData("ok@example.com", "short", "PASSWORD_TOO_SHORT", "at least 8")]
    [InlineData("ok@example.com", "", "VALIDATION_ERROR", "[body.password]")]
    public async Task SignUp_WhenAFieldIsInvalid_ShouldReturn400NamingTheField(
        string email, string password, string code, string messagePart)
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-up/email", new { name = "X", email, password });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (message, actualCode) = await response.ErrorAsync();
        actualCode.Should().Be(code);
        message.Should().Contain(messagePart);
    }

    [Fact]
    public async Task SignUp_WhenPasswordIsLongerThan128_ShouldReturnPasswordTooLong()
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-up/email",
            new { name = "X", email = AuthFlows.NewEmail(), password = new string('p', 129) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be("PASSWORD_TOO_LONG");
    }

    [Fact]
    public async Task SignUp_WhenNameIsMissing_ShouldReturnValidationErrorForName()
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-up/email",
            new { email = AuthFlows.NewEmail(), password = "password123" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var (message, code) = await response.ErrorAsync();
        code.Should().Be("VALIDATION_ERROR");
        message.Should().StartWith("[body.name]");
    }

    [Fact]
    public async Task SignUp_WhenAFieldHasTheWrongJsonType_ShouldReturnValidationErrorNotAServerError()
    {
        using var content = new StringContent("""{"name":5,"email":"a@example.com","password":"password123"}""",
            Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/auth/sign-up/email", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Message.Should().Contain("[body.name]");
    }

    [Theory]
    [InlineData("{not json", "BAD_REQUEST")]
    [InlineData("[1,2]", "VALIDATION_ERROR")]
    public async Task SignUp_WhenBodyIsNotAJsonObject_ShouldReturn400WithCode(string raw, string code)
    {
        using var content = new StringContent(raw, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/auth/sign-up/email", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).Code.Should().Be(code);
    }

    [Fact]
    public async Task SignUp_WhenContentTypeIsNotJson_ShouldReturn415InBetterAuthShape()
    {
        using var content = new StringContent("name=x", Encoding.UTF8, "text/plain");

        var response = await _client.PostAsync("/api/auth/sign-up/email", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ErrorAsync()).Code.Should().Be("UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task SignUp_WhenClientSendsExtraFields_ShouldIgnoreThem()
    {
        var response = await _client.PostJsonAsync("/api/auth/sign-up/email", new
        {
            name = "Eve", email = AuthFlows.NewEmail(), password = "password123", emailVerified = true, role = "admin", id = "chosen",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var user = (await response.JsonAsync()).GetProperty("user");
        user.GetProperty("emailVerified").GetBoolean().Should().BeFalse();
        user.GetProperty("id").GetString().Should().NotBe("chosen");
        user.TryGetProperty("role", out _).Should().BeFalse();
    }

    [GeneratedRegex(@"^better-auth\.session_token=(?<value>[^;]+); Max-Age=604800; Path=/; HttpOnly; SameSite=Lax$")]
    private static partial Regex SessionCookie();
}
