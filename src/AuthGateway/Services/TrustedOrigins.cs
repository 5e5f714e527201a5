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

    /// <summary>A redirect target is fine when it is a same-site path or an absolute URL on a trusted origin.</summary>
    public bool IsAllowedRedirect(string? url, HttpRequest request)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && IsTrusted(uri.GetLeftPart(UriPartial.Authority), request);
    }

    private static string? OriginOf(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value != "null" && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
