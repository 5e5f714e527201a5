using Microsoft.Extensions.Options;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Locks down the browser UI's pages and assets: a strict Content-Security-Policy (scripts, styles and fetches from
/// this origin only, plus fetches to the todo API), no framing, no MIME sniffing, no referrer. Pages and assets are
/// revalidated on every use (<c>no-cache</c>: a 304 when unchanged), so a fixed script is never served stale beside
/// a new page. The API, health and API-docs paths are left to their own rules.
/// </summary>
internal sealed class UiSecurityHeaders
{
    private static readonly string[] NonUiPrefixes = ["/api", "/health", "/openapi", "/scalar", "/internal"];

    private readonly RequestDelegate _next;
    private readonly string _policy;

    public UiSecurityHeaders(RequestDelegate next, IOptions<UiOptions> options)
    {
        _next = next;
        _policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            $"connect-src 'self' {options.Value.ApiOrigin}",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'");
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!NonUiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-cache";
        }

        return _next(context);
    }
}
