namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>
/// Fails a request the host answered with a 5xx, with what the host logged for it. No request of this suite may get
/// a server error (docs/security.md), so the test stops there, and says why the server failed rather than only that it did.
/// </summary>
internal sealed class ServerErrorsExplained(RunningHost host, HttpMessageHandler inner) : DelegatingHandler(inner)
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
        await host.WaitForOutputAsync(mark, text => text.Contains(" ERR]", StringComparison.Ordinal));
        throw new HttpRequestException(
            $"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body}\n" +
            $"The host logged:\n{host.Process.ProblemsSince(mark)}");
    }
}
