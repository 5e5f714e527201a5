using System.Net;
using System.Net.Http.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public abstract class OriginCheckTests : IDisposable
{
    private const string BaseUrl = "http://gateway.test";
    private readonly GatewayFactory _factory;
    private readonly HttpClient _client;

    protected OriginCheckTests(StoreProvider provider)
    {
        _factory = new GatewayFactory(provider);
        _factory.With("Auth:BaseUrl", BaseUrl).With("Auth:TrustedOrigins:0", "http://app.test");
        _client = _factory.CreateBareClient();
    }

    public sealed class OnSqlite() : OriginCheckTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : OriginCheckTests(StoreProvider.Postgres);

    private async Task<HttpResponseMessage> SendAsync(string path, object body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task CookieRequest_WithoutOrigin_ShouldBeRefusedWithMissingOrNullOrigin()
    {
        var response = await SendAsync("/api/auth/sign-out", new { }, ("Cookie", "better-auth.session_token=x"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Code.Should().Be("MISSING_OR_NULL_ORIGIN");
    }

    [Theory]
    [InlineData("Origin", "http://evil.test")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "http://evil.test/page")]
    public async Task CookieRequest_FromAnUntrustedOrigin_ShouldBeRefused(string header, string value)
    {
        var response = await SendAsync("/api/auth/sign-out", new { }, ("Cookie", "better-auth.session_token=x"), (header, value));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Code.Should().BeOneOf("INVALID_ORIGIN", "MISSING_OR_NULL_ORIGIN");
    }

    [Theory]
    [InlineData(BaseUrl)]
    [InlineData("http://app.test")]
    public async Task CookieRequest_FromATrustedOrigin_ShouldPass(string origin)
    {
        var response = await SendAsync("/api/auth/sign-out", new { }, ("Cookie", "better-auth.session_token=x"), ("Origin", origin));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_AsACrossSiteNavigation_ShouldBeBlocked()
    {
        var response = await SendAsync("/api/auth/sign-in/email", new { email = "a@example.com", password = "password123" },
            ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Code.Should().Be("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
    }

    [Fact]
    public async Task SignUp_FromABrowserWithoutOrigin_ShouldBeRefused()
    {
        var response = await SendAsync("/api/auth/sign-up/email", new { name = "X", email = AuthFlows.NewEmail(), password = "password123" },
            ("Sec-Fetch-Mode", "cors"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ErrorAsync()).Code.Should().Be("MISSING_OR_NULL_ORIGIN");
    }

    [Fact]
    public async Task BearerRequest_WithoutCookie_ShouldNotNeedAnOrigin()
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await _client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://evil.test/after", HttpStatusCode.Forbidden)]
    [InlineData("//evil.test/after", HttpStatusCode.Forbidden)]
    [InlineData("javascript:alert(1)", HttpStatusCode.Forbidden)]
    [InlineData("/after", HttpStatusCode.OK)]
    [InlineData("http://app.test/after", HttpStatusCode.OK)]
    public async Task SignIn_CallbackUrl_ShouldBeRelativeOrOnATrustedOrigin(string callbackUrl, HttpStatusCode expected)
    {
        var user = await AuthFlows.SignUpAsync(_client);

        var response = await SendAsync("/api/auth/sign-in/email",
            new { email = user.Email, password = user.Password, callbackURL = callbackUrl }, ("Origin", BaseUrl));

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            (await response.ErrorAsync()).Code.Should().Be("INVALID_CALLBACK_URL");
        }
    }

    public void Dispose() => _factory.Dispose();
}
