using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>Requests with every header explicit (tests attack headers), and reading their answers.</summary>
public static class Http
{
    public const string JsonType = "application/json";

    /// <summary>
    /// For bodies over the server's limit: the client waits for <c>100 Continue</c>, so a 413 arrives before the body
    /// is sent (otherwise the server closes mid-upload and the client sees a broken pipe instead of the answer).
    /// </summary>
    public static Dictionary<string, string> ExpectContinue => new() { ["Expect"] = "100-continue" };

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="path"/>; <paramref name="json"/> is serialized unless it is a
    /// string (sent verbatim as JSON). Headers are added without validation, so malformed values reach the server.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? bearer = null, object? json = null,
        IDictionary<string, string>? headers = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            var body = json as string ?? JsonSerializer.Serialize(json);
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonType);
        }

        Decorate(request, bearer, headers, cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Sends a raw body with exactly the given content type (null: no content type at all).</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string path, byte[] body, string? contentType, string? bearer = null,
        IDictionary<string, string>? headers = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        Decorate(request, bearer, headers, cookie);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string path, string body, string? contentType, string? bearer = null,
        IDictionary<string, string>? headers = null, string? cookie = null) =>
        client.SendRawAsync(method, path, Encoding.UTF8.GetBytes(body), contentType, bearer, headers, cookie);

    /// <summary>GET with an <c>Authorization</c> header sent exactly as <paramref name="authorization"/> (not validated).</summary>
    public static async Task<HttpResponseMessage> GetWithAuthorizationAsync(this HttpClient client, string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    public static IReadOnlyList<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    public static bool IsServerError(this HttpResponseMessage response) => (int)response.StatusCode >= 500;

    public static HttpStatusCode Status(int code) => (HttpStatusCode)code;

    private static void Decorate(HttpRequestMessage request, string? bearer, IDictionary<string, string>? headers, string? cookie)
    {
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}");
        }

        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
