using TodoClean.Application.Common.Exceptions;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Endpoint filter that applies <see cref="AccountLockout"/> to an endpoint that checks a password: refuses a locked
/// account before any work (no hashing), and counts an attempt whose password check failed with
/// <paramref name="failureCode"/>.
/// </summary>
internal sealed class AccountLockoutFilter(Func<EndpointFilterInvocationContext, string?> account, string failureCode)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var lockout = context.HttpContext.RequestServices.GetRequiredService<AccountLockout>();
        var key = account(context);
        var address = AuthRateLimiting.ClientAddress(context.HttpContext);
        var aborted = context.HttpContext.RequestAborted;
        if (key is not null && await lockout.BlockedAsync(key, address, aborted) is { } wait)
        {
            throw new HttpProblemException(ApiErrors.TooManyRequests(wait));
        }

        try
        {
            return await next(context);
        }
        catch (AuthException e) when (key is not null && e.Error.Code == failureCode)
        {
            await lockout.RecordFailureAsync(key, address, aborted);
            throw;
        }
    }
}
