using Microsoft.AspNetCore.Http;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// Lets the server start while the store is still being migrated (the two overlap on start-up) and holds every request
/// at the door until the store is ready. Once it is, the check is one completed-task test per request. If the store
/// cannot be made ready, waiting requests get 503 while the host shuts down with the error.
/// </summary>
public sealed class StoreGate
{
    private Task _ready = Task.CompletedTask;

    /// <summary>Requests wait for <paramref name="preparation"/> from now on, as well as for what they already waited for.</summary>
    public void WaitFor(Task preparation) => _ready = _ready.IsCompletedSuccessfully ? preparation : Task.WhenAll(_ready, preparation);

    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        _ready.IsCompletedSuccessfully ? next(context) : WaitThenInvokeAsync(context, next);

    private async Task WaitThenInvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await _ready.WaitAsync(context.RequestAborted);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The preparation failed (it is logged, and it stops the host): answer, do not wait or crash.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await next(context);
    }
}
