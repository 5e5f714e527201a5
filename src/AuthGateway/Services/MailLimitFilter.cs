using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Persistence.Auth;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Limits the mail one recipient address can be sent (<see cref="RateLimitingOptions.MailPermitsPerAddress"/> per
/// <see cref="RateLimitingOptions.MailWindow"/>), counted in the auth store so every gateway instance counts together. The
/// per-client-address limit is <see cref="AuthRateLimiting.LimitCredentialsAsync"/>'s.
/// </summary>
internal sealed class MailLimitFilter(Func<EndpointFilterInvocationContext, string?> recipient) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<RateLimitingOptions>();
        if (options.Enabled && recipient(context) is { Length: > 0 } email)
        {
            var hits = await context.HttpContext.RequestServices.GetRequiredService<RateLimitCounters>()
                .HitAsync($"mail-to|{email.Trim().ToLowerInvariant()}", options.MailWindow, context.HttpContext.RequestAborted);
            if (hits.Count > options.MailPermitsPerAddress)
            {
                throw new HttpProblemException(ApiErrors.TooManyRequests(hits.RetryAfter));
            }
        }

        return await next(context);
    }
}
