using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TodoClean.WebApi.IntegrationTests;

internal static class ApiHttp
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> CreateTodoAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/todos", body);
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string path, string raw, string contentType = "application/json", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(raw, Encoding.UTF8, contentType) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body, string? ifMatch = null) =>
        client.SendRawAsync(HttpMethod.Put, path, JsonSerializer.Serialize(body), ifMatch: ifMatch);
}
