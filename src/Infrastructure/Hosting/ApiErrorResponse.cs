using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// The one writer of error responses, for both hosts: exceptions (<see cref="ApiExceptionHandler"/>), statuses the
/// framework sets without a body, refused tokens, the store gate. Status and headers first, then the body in the dialect
/// of the first <see cref="IApiErrorWriter"/> that accepts the request, else as RFC 9457 problem details with a trace id.
/// </summary>
public static class ApiErrorResponse
{
    public static async ValueTask WriteAsync(HttpContext context, ApiError error, Exception? exception = null)
    {
        context.Response.StatusCode = error.Status;
        foreach (var (name, value) in error.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        foreach (var writer in context.RequestServices.GetServices<IApiErrorWriter>())
        {
            if (writer.Covers(context.Request.Path))
            {
                await writer.WriteAsync(context, error);
                return;
            }
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = ToProblemDetails(error),
        });
    }

    public static ProblemDetails ToProblemDetails(ApiError error) => error.Errors is { } errors
        ? new HttpValidationProblemDetails(errors) { Status = error.Status, Title = error.Title, Detail = error.Detail }
        : new ProblemDetails { Status = error.Status, Title = error.Title, Detail = error.Detail };
}
