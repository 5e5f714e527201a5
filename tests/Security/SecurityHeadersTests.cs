using System.Net;
using System.Text;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Security headers (docs/security.md): both hosts, every kind of response; no banners, no exception detail.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class SecurityHeadersTests(SecurityHostsFixture hosts)
{
    public static TheoryData<string, string, string> Requests() => new()
    {
        { "gateway", "GET", "/api/auth/ok" },
        { "gateway", "GET", "/api/auth/get-session" },
        { "gateway", "POST", "/api/auth/sign-in/email" },
        { "gateway", "GET", "/api/auth/no-such-route" },
        { "gateway", "GET", "/health" },
        { "gateway", "GET", "/sign-in" },
        { "gateway", "GET", "/" },
        { "gateway", "GET", "/no-such-page" },
        { "api", "GET", "/api/todos" },
        { "api", "GET", "/api/todos?authorized" },
        { "api", "GET", "/api/no-such-route" },
        { "api", "PATCH", "/api/todos" },
        { "api", "GET", "/health" },
        { "api", "GET", "/" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Headers_EveryResponse_HasNoSniffNoReferrerAndNoFraming(string host, string method, string path)
    {
        var response = await SendAsync(host, method, path);

        var because = $"{host} {method} {path} → {(int)response.StatusCode}";
        response.Header("X-Content-Type-Options").Should().Be("nosniff", because);
        response.Header("Referrer-Policy").Should().Be("no-referrer", because);
        var frameDenied = response.Header("X-Frame-Options") == "DENY"
                          || (response.Header("Content-Security-Policy") ?? string.Empty).Contains("frame-ancestors 'none'", StringComparison.Ordinal);
        frameDenied.Should().BeTrue($"framing is denied ({because})");
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Headers_NoServerOrVersionBanner(string host, string method, string path)
    {
        var response = await SendAsync(host, method, path);

        foreach (var banner in new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-SourceFiles" })
        {
            response.Header(banner).Should().BeNull($"{banner} on {host} {method} {path}");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in")]
    [InlineData("/sign-up")]
    [InlineData("/account")]
    public async Task Headers_UiPages_HaveAStrictContentSecurityPolicy(string path)
    {
        var response = await hosts.Gateway.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = response.Header("Content-Security-Policy");
        policy.Should().NotBeNull();
        var directives = policy!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        directives.Should().ContainKey("frame-ancestors").WhoseValue.Should().Be("frame-ancestors 'none'");
        var scripts = directives.TryGetValue("script-src", out var s) ? s : directives["default-src"];
        scripts.Should().NotContain("*").And.NotContain("'unsafe-inline'").And.NotContain("'unsafe-eval'").And.NotContain("data:");
        directives.Should().ContainKey("object-src");
    }

    [Fact]
    public async Task Responses_InProduction_NeverContainExceptionDetail()
    {
        var bearer = JwtForge.Valid(Claims.NewUserId());
        var created = await (await hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", bearer, new { title = "x" })).JsonAsync();
        var id = created.GetProperty("id").GetString();
        var probes = new List<(string Name, Task<HttpResponseMessage> Response)>
        {
            ("api invalid JSON", hosts.Api.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\": tru", Http.JsonType, bearer)),
            ("api body is an array", hosts.Api.SendRawAsync(HttpMethod.Post, "/api/todos", "[1,2]", Http.JsonType, bearer)),
            ("api null body", hosts.Api.SendRawAsync(HttpMethod.Post, "/api/todos", "null", Http.JsonType, bearer)),
            ("api huge page", hosts.Api.SendAsync(HttpMethod.Get, "/api/todos?page=2147483647&pageSize=100", bearer)),
            ("api page overflow", hosts.Api.SendAsync(HttpMethod.Get, "/api/todos?page=99999999999999999999", bearer)),
            ("api odd sort", hosts.Api.SendAsync(HttpMethod.Get, "/api/todos?sort=title;DROP TABLE todos", bearer)),
            ("api If-Match garbage", hosts.Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", bearer,
                new { title = "y", isDone = false, priority = "low" }, new Dictionary<string, string> { ["If-Match"] = "\"\u0001\"" })),
            ("api If-Match huge number", hosts.Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", bearer,
                new { title = "y", isDone = false, priority = "low" }, new Dictionary<string, string> { ["If-Match"] = "\"99999999999999999999999\"" })),
            ("api dueAt out of range", hosts.Api.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\":\"x\",\"dueAt\":\"9999-12-31T23:59:59.9999999+14:00\"}", Http.JsonType, bearer)),
            ("api invalid UTF-8", hosts.Api.SendRawAsync(HttpMethod.Post, "/api/todos", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], Http.JsonType, bearer)),
            ("gateway invalid JSON", hosts.Gateway.SendRawAsync(HttpMethod.Post, "/api/auth/sign-in/email", "{\"email\":", Http.JsonType)),
            ("gateway body is an array", hosts.Gateway.SendRawAsync(HttpMethod.Post, "/api/auth/sign-up/email", "[]", Http.JsonType)),
            ("gateway wrong types", hosts.Gateway.SendRawAsync(HttpMethod.Post, "/api/auth/sign-up/email", "{\"name\":1,\"email\":{},\"password\":[]}", Http.JsonType)),
            ("gateway bad cookie", hosts.Gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", cookie: $"{Accounts.CookieName}=%E0%A4%A.{new string('=', 44)}")),
            ("gateway bad bearer", hosts.Gateway.SendAsync(HttpMethod.Get, "/api/auth/token", bearer: "%%%.%%%")),
            ("gateway revoke nonsense", hosts.Gateway.SendAsync(HttpMethod.Post, "/api/auth/revoke-session", json: new { token = new string('x', 5000) })),
        };

        foreach (var (name, pending) in probes)
        {
            var response = await pending;
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            response.IsServerError().Should().BeFalse($"{name}: {SecurityAssertions.Trim(body)}");
            SecurityAssertions.ShouldNotLeakInternals(body, name);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string host, string method, string path)
    {
        var client = host == "gateway" ? hosts.Gateway : hosts.Api;
        var bearer = path.EndsWith("?authorized", StringComparison.Ordinal) ? JwtForge.Valid(Claims.NewUserId()) : null;
        var json = method == "POST" || method == "PATCH" ? new { email = "nobody@example.com", password = "wrong password 1" } : null;
        return await client.SendAsync(new HttpMethod(method), path, bearer, json);
    }
}
