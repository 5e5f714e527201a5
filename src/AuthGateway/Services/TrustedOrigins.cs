using Microsoft.Extensions.Options;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Better Auth's trusted origins: the gateway's base URL plus <c>Auth:TrustedOrigins</c>. Without a configured base
/// URL the gateway trusts its own origin as the request names it.
/// </summary>
public sealed class TrustedOrigins
{
    private readonly string? _baseOrigin;
    private readonly HashSet<string> _configured;

    public TrustedOrigins(IOptions<GatewayOptions> options)
    {
        _baseOrigin = OriginOf(options.Value.BaseUrl);
        _configured = new HashSet<string>(
            options.Value.TrustedOrigins.Select(OriginOf).OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }

    public bool IsTrusted(string? origin, HttpRequest request)
    {
        if (OriginOf(origin) is not { } normalized)
        {
            return false;
        }

        var own = _baseOrigin ?? $"{request.Scheme}://{request.Host}";
        return string.Equals(normalized, own, StringComparison.OrdinalIgnoreCase) || _configured.Contains(normalized);
    }

    /// <summary>
    /// A redirect target is fine when it is a safe same-site path or an absolute http(s) URL on a trusted origin. It is
    /// echoed back in <c>Location</c> and in JSON, so it must be printable ASCII: browsers drop tabs and line breaks from
    /// URLs (<c>/\t/evil.example</c> would become <c>//evil.example</c>), and a header cannot carry the rest.
    /// </summary>
    public bool IsAllowedRedirect(string? url, HttpRequest request)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        if (url.Any(c => c is < '\u0020' or > '\u007e'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return IsSafeRelativePath(url);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && IsTrusted(uri.GetLeftPart(UriPartial.Authority), request);
    }

    /// <summary>
    /// Better Auth's rule for a root-relative target: not protocol-relative (<c>//</c>), no backslash anywhere, no encoded
    /// slash or backslash in the path, and it must still name this site once a URL parser has resolved it.
    /// </summary>
    private static bool IsSafeRelativePath(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || url.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        var pathEnd = url.IndexOfAny(['?', '#']);
        var path = pathEnd < 0 ? url : url[..pathEnd];
        if (path.Contains("%2f", StringComparison.OrdinalIgnoreCase) || path.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Uri.TryCreate(RelativeBase, url, out var resolved) && resolved.Authority == RelativeBase.Authority;
    }

    private static readonly Uri RelativeBase = new("https://relative.invalid/");

    private static string? OriginOf(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value != "null" && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
