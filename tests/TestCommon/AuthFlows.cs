using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TodoClean.TestCommon;

/// <summary>The gateway calls most tests start with: sign up a fresh user, get a JWT for the API.</summary>
public static class AuthFlows
{
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>Signs up and returns the user id and the bearer session token (<c>set-auth-token</c>).</summary>
    public static async Task<SignedUpUser> SignUpAsync(
        HttpClient gateway, string? email = null, string password = "correct horse battery", string name = "Test User")
    {
        email ??= NewEmail();
        var response = await gateway.PostAsJsonAsync("/api/auth/sign-up/email", new { name, email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sessionToken = response.Headers.GetValues("set-auth-token").Single();
        return new SignedUpUser(body.GetProperty("user").GetProperty("id").GetString()!, email, password, sessionToken);
    }

    /// <summary>Mints a JWT through <c>GET /api/auth/token</c> with the bearer session token.</summary>
    public static async Task<string> GetJwtAsync(HttpClient gateway, string sessionToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token");
        request.Headers.Authorization = new("Bearer", sessionToken);
        var response = await gateway.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A client for the API that sends <paramref name="jwt"/> as the bearer token.</summary>
    public static HttpClient WithBearer(this HttpClient client, string jwt)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", jwt);
        return client;
    }
}

public sealed record SignedUpUser(string Id, string Email, string Password, string SessionToken);
