using TodoClean.Application.Common.Exceptions;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Better Auth's CSRF defence for <c>/api/auth</c> (docs/better-auth-protocol.md §5): a state-changing request that carries
/// cookies must come from a trusted Origin (or Referer); sign-in and sign-up also refuse cross-site navigations and
/// check the origin whenever a browser sent Fetch-Metadata or an Origin. Bearer calls carry no cookie and pass.
/// </summary>
internal sealed class OriginCheckMiddleware(RequestDelegate next, TrustedOrigins trusted)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api/auth", out var rest))
        {
            return next(context);
        }

        var origin = OriginOf(request);
        if (SessionCookies.HasCookies(request))
        {
            Require(origin, request);
        }
        else if (rest.StartsWithSegments("/sign-in") || rest.StartsWithSegments("/sign-up"))
        {
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            var mode = request.Headers["Sec-Fetch-Mode"].ToString();
            if (site == "cross-site" && mode == "navigate")
            {
                throw new AuthException(RequestErrors.CrossSiteNavigationLoginBlocked);
            }

            if (site.Length > 0 || mode.Length > 0 || request.Headers["Sec-Fetch-Dest"].ToString().Length > 0 || origin is not null)
            {
                Require(origin, request);
            }
        }

        return next(context);
    }

    private void Require(string? origin, HttpRequest request)
    {
        if (origin is null)
        {
            throw new AuthException(RequestErrors.MissingOrNullOrigin);
        }

        if (!trusted.IsTrusted(origin, request))
        {
            throw new AuthException(RequestErrors.InvalidOrigin);
        }
    }

    /// <summary>The Origin header, else the Referer's origin; <c>Origin: null</c> counts as missing.</summary>
    private static string? OriginOf(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return origin;
        }

        var referer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
