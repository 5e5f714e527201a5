using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// The one place where exceptions become HTTP errors, for both hosts. Refusals get their 4xx; anything else is logged
/// and answered with a 500 and a trace id, never with exception text.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var error = ApiErrors.From(exception, context);
        if (error.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        await ApiErrorResponse.WriteAsync(context, error, exception);
        return true;
    }
}
