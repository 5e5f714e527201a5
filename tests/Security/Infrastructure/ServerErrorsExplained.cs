using TodoClean.TestCommon;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>
/// Fails a request the host answered with a 5xx, with what the host logged for it. No request of this suite may get
/// a server error (docs/security.md), so the test stops there, and says why the server failed rather than only that it did.
/// </summary>
internal sealed class ServerErrorsExplained(HostProcess host, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var mark = host.Output.Length;
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 500)
        {
            return response;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        // The host's output arrives through a pipe: give its error entry a moment to be read.
        for (var waited = 0; waited < 50 && !ErrorLoggedSince(mark); waited++)
        {
            await Task.Delay(100, cancellationToken);
        }

        throw new HttpRequestException(
            $"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body}\n" +
            $"The host logged:\n{host.ProblemsSince(mark)}");
    }

    private bool ErrorLoggedSince(int mark) => host.ProblemsSince(mark).Contains(" ERR]", StringComparison.Ordinal);
}
