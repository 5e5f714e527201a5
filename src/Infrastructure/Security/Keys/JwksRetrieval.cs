using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// Fetches the issuer's JWKS for IdentityModel's <see cref="ConfigurationManager{T}"/>, which caches it, refreshes it
/// periodically, keeps the last good copy when a fetch fails, and refetches on an unknown <c>kid</c> at most once per
/// refresh interval. The document is read through a named <see cref="HttpClient"/> with a short timeout and a size cap.
/// </summary>
internal sealed class JwksRetrieval(IHttpClientFactory clients, ILogger<JwksRetrieval> logger)
    : IDocumentRetriever, IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public const string HttpClientName = "jwks";

    /// <summary>A JWKS of a few keys is a few KiB; anything far larger is not one.</summary>
    private const int MaxDocumentBytes = 256 * 1024;

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await clients.CreateClient(HttpClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The JWKS endpoint answered {(int)response.StatusCode}.");
        }

        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw new IOException("The JWKS document is too large.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancel);
        var buffer = new byte[MaxDocumentBytes + 1];
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancel)) > 0)
        {
            length += read;
            if (length > MaxDocumentBytes)
            {
                throw new IOException("The JWKS document is too large.");
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(
        string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        try
        {
            var keys = JwksKeys.Read(await retriever.GetDocumentAsync(address, cancel));
            var configuration = new OpenIdConnectConfiguration();
            foreach (var key in keys)
            {
                configuration.SigningKeys.Add(key);
            }

            logger.LogInformation("Fetched the JWKS from {JwksUrl}: {KeyCount} usable key(s) ({KeyIds})",
                address, keys.Count, string.Join(", ", keys.Select(k => k.KeyId)));
            return configuration;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or ArgumentException)
        {
            // The cached keys stay in use; a request signed with one of them is still served.
            logger.LogWarning("Could not fetch the JWKS from {JwksUrl}: {Reason}", address, e.Message);
            throw;
        }
    }
}
