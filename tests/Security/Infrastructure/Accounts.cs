using System.Net;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>Gateway flows the tests start from: accounts, session tokens in their cookie and bearer forms, JWTs.</summary>
public static class Accounts
{
    public const string CookieName = "better-auth.session_token";
    public const string SecureCookieName = "__Secure-better-auth.session_token";
    public const string Password = "correct horse battery staple";

    /// <summary>Signs up a fresh user (bearer session token in <see cref="SignedUpUser.SessionToken"/>: <c>token.signature</c>).</summary>
    public static Task<SignedUpUser> SignUpAsync(HttpClient gateway, string? email = null, string password = Password, string name = "Test User") =>
        AuthFlows.SignUpAsync(gateway, email ?? NewEmail(), password, name);

    public static string NewEmail(string prefix = "sec") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>Signs in; returns the response (the caller checks it).</summary>
    public static Task<HttpResponseMessage> SignInAsync(
        HttpClient gateway, string email, string password, IDictionary<string, string>? headers = null, string? cookie = null) =>
        gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-in/email", json: new { email, password }, headers: headers, cookie: cookie);

    /// <summary>Signs in and returns the signed bearer session token (<c>set-auth-token</c>).</summary>
    public static async Task<string> SignInForTokenAsync(HttpClient gateway, string email, string password = Password)
    {
        var response = await SignInAsync(gateway, email, password);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Header("set-auth-token")!;
    }

    /// <summary>The raw session token inside a signed one (<c>token.signature</c>).</summary>
    public static string RawToken(string signed) => signed[..signed.LastIndexOf('.')];

    /// <summary>The <c>Cookie</c> header a browser would send for the signed session token.</summary>
    public static string Cookie(string signed, string name = CookieName) => $"{name}={Uri.EscapeDataString(signed)}";

    public static Task<string> MintJwtAsync(HttpClient gateway, string signedSessionToken) =>
        AuthFlows.GetJwtAsync(gateway, signedSessionToken);

    /// <summary>Whether get-session sees a live session for this bearer or cookie (the literal <c>null</c> means none).</summary>
    public static async Task<bool> IsLiveAsync(HttpClient gateway, string? bearer = null, string? cookie = null)
    {
        var response = await gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", bearer: bearer, cookie: cookie);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        return body != "null" && JsonDocument.Parse(body).RootElement.ValueKind == JsonValueKind.Object;
    }

    /// <summary>Whether <c>GET /api/auth/token</c> mints a JWT for this bearer or cookie.</summary>
    public static async Task<HttpStatusCode> TokenStatusAsync(HttpClient gateway, string? bearer = null, string? cookie = null) =>
        (await gateway.SendAsync(HttpMethod.Get, "/api/auth/token", bearer: bearer, cookie: cookie)).StatusCode;
}
