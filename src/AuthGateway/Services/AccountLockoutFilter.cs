using TodoClean.Application.Common.Exceptions;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Endpoint filter that applies <see cref="AccountLockout"/>: refuses a locked account before any work (no hashing),
/// and counts an attempt that failed with one of <paramref name="failureCodes"/>.
/// </summary>
internal sealed class AccountLockoutFilter(Func<EndpointFilterInvocationContext, string?> account, params string[] failureCodes)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var lockout = context.HttpContext.RequestServices.GetRequiredService<AccountLockout>();
        var key = account(context);
        if (key is not null && lockout.Blocked(key) is { } wait)
        {
            throw new HttpProblemException(ApiErrors.TooManyRequests(wait));
        }

        try
        {
            return await next(context);
        }
        catch (AuthException e) when (key is not null && failureCodes.Contains(e.Error.Code))
        {
            lockout.RecordFailure(key);
            throw;
        }
    }
}
