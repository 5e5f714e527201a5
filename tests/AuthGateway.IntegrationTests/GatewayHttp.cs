using System.Net.Http.Json;
using System.Text.Json;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>Small helpers for reading Better Auth responses.</summary>
internal static class GatewayHttp
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<(string Message, string Code)> ErrorAsync(this HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        return (body.GetProperty("message").GetString()!, body.GetProperty("code").GetString()!);
    }

    public static IReadOnlyList<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public static async Task<HttpResponseMessage> SendWithAsync(
        this HttpClient client, HttpMethod method, string path, string? bearer = null, string? cookie = null, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }
}
