using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Security;
using SessionOptions = TodoClean.Application.Auth.Common.SessionOptions;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Better Auth's session transport: the signed <c>better-auth.session_token</c> cookie, the bearer plugin's
/// <c>Authorization: Bearer</c> / <c>set-auth-token</c> pair, and the three clearing cookies.
/// </summary>
public sealed class SessionCookies
{
    public const string SetAuthTokenHeader = "set-auth-token";
    public const string SetAuthJwtHeader = "set-auth-jwt";

    private const string TokenName = "better-auth.session_token";
    private const string DataName = "better-auth.session_data";
    private const string DontRememberName = "better-auth.dont_remember";
    private const string TwoFactorName = "better-auth.two_factor";
    private const string TrustDeviceName = "better-auth.trust_device";
    private const int SignatureLength = 44;
    private const int MaxTokenLength = 256;

    private readonly byte[] _key;
    private readonly string _prefix;
    private readonly string _attributes;
    private readonly long _maxAgeSeconds;
    private readonly long _challengeMaxAgeSeconds;
    private readonly long _trustedDeviceMaxAgeSeconds;

    public SessionCookies(IOptions<GatewayOptions> gateway, IOptions<JwtOptions> jwt, IOptions<SessionOptions> sessions)
    {
        var options = gateway.Value;
        _key = string.IsNullOrEmpty(options.Secret)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.Secret), 32,
                salt: [], info: "todoclean/session-cookie"u8.ToArray())
            : Encoding.UTF8.GetBytes(options.Secret);
        _prefix = options.UsesHttps ? "__Secure-" : string.Empty;
        _attributes = options.UsesHttps ? "Path=/; HttpOnly; Secure; SameSite=Lax" : "Path=/; HttpOnly; SameSite=Lax";
        _maxAgeSeconds = (long)sessions.Value.SessionLifetime.TotalSeconds;
        _challengeMaxAgeSeconds = (long)sessions.Value.TwoFactorChallengeLifetime.TotalSeconds;
        _trustedDeviceMaxAgeSeconds = (long)sessions.Value.TrustedDeviceLifetime.TotalSeconds;
    }

    public string CookieName => _prefix + TokenName;

    /// <summary>Whether the request carries any cookie at all (what Better Auth's origin check keys on).</summary>
    public static bool HasCookies(HttpRequest request) => request.Headers.Cookie.Count > 0;

    /// <summary>
    /// The raw session token the request presents: <c>Authorization: Bearer</c> first (signed, URL-encoded or raw, as
    /// the bearer plugin accepts), then the signed cookie. Null when absent or badly signed.
    /// </summary>
    public string? ReadToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 7 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = authorization[7..].Trim();
            if (value.Contains('%', StringComparison.Ordinal))
            {
                value = Uri.UnescapeDataString(value);
            }

            return value.Contains('.', StringComparison.Ordinal) ? Unsign(value) : ValidRaw(value);
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie)
            ? Unsign(Uri.UnescapeDataString(cookie))
            : null;
    }

    /// <summary>Sets the session cookie and the bearer plugin's <c>set-auth-token</c> header.</summary>
    public void Write(HttpResponse response, AuthSession session)
    {
        var signed = Sign(session.Token);
        var maxAge = session.RememberMe ? $"Max-Age={_maxAgeSeconds}; " : string.Empty;
        response.Headers.Append("Set-Cookie", $"{CookieName}={Uri.EscapeDataString(signed)}; {maxAge}{_attributes}");
        if (!session.RememberMe)
        {
            response.Headers.Append("Set-Cookie",
                $"{_prefix}{DontRememberName}={Uri.EscapeDataString(Sign("true"))}; {_attributes}");
        }

        response.Headers[SetAuthTokenHeader] = signed;
        Expose(response, SetAuthTokenHeader);
        NoStore(response);
    }

    /// <summary>
    /// A sign-in waiting for its second factor: the challenge token in the signed <c>better-auth.two_factor</c> cookie
    /// (Better Auth's name, signing and 10-minute lifetime). Any session cookie the browser still had is cleared, as
    /// Better Auth does: the password alone opens no session.
    /// </summary>
    public void WriteTwoFactorChallenge(HttpResponse response, string challengeToken)
    {
        foreach (var name in (ReadOnlySpan<string>)[TokenName, DataName])
        {
            response.Headers.Append("Set-Cookie", $"{_prefix}{name}=; Max-Age=0; {_attributes}");
        }

        response.Headers.Append("Set-Cookie",
            $"{_prefix}{TwoFactorName}={Uri.EscapeDataString(Sign(challengeToken))}; Max-Age={_challengeMaxAgeSeconds}; {_attributes}");
        NoStore(response);
    }

    /// <summary>The challenge token of the two-factor cookie; null when absent or badly signed.</summary>
    public string? ReadTwoFactorChallenge(HttpRequest request) => ReadSigned(request, _prefix + TwoFactorName);

    public void ClearTwoFactorChallenge(HttpResponse response) =>
        response.Headers.Append("Set-Cookie", $"{_prefix}{TwoFactorName}=; Max-Age=0; {_attributes}");

    /// <summary>
    /// "Trust this device": the signed <c>better-auth.trust_device</c> cookie for 30 days. The session it goes with is
    /// remembered, so the don't-remember cookie goes, as in Better Auth.
    /// </summary>
    public void WriteTrustedDevice(HttpResponse response, string deviceToken)
    {
        response.Headers.Append("Set-Cookie",
            $"{_prefix}{TrustDeviceName}={Uri.EscapeDataString(Sign(deviceToken))}; Max-Age={_trustedDeviceMaxAgeSeconds}; {_attributes}");
        response.Headers.Append("Set-Cookie", $"{_prefix}{DontRememberName}=; Max-Age=0; {_attributes}");
    }

    /// <summary>The token of the trust-device cookie; null when absent or badly signed.</summary>
    public string? ReadTrustedDevice(HttpRequest request) => ReadSigned(request, _prefix + TrustDeviceName);

    public void ClearTrustedDevice(HttpResponse response) =>
        response.Headers.Append("Set-Cookie", $"{_prefix}{TrustDeviceName}=; Max-Age=0; {_attributes}");

    /// <summary>
    /// Middleware: when the request renewed its session (sliding expiry, <see cref="SessionRenewal"/>) and the endpoint did
    /// not write or clear the session cookie itself, the cookie goes out again with the new expiry — on every endpoint
    /// that reads the session, as Better Auth's session middleware does.
    /// </summary>
    public static Task ResendRenewedAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api/auth"))
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var cookies = http.RequestServices.GetRequiredService<SessionCookies>();
                if (http.RequestServices.GetRequiredService<SessionRenewal>().Renewed is { } renewed
                    && http.Response.StatusCode < StatusCodes.Status400BadRequest
                    && !http.Response.Headers.SetCookie.Any(c => c is not null && c.StartsWith(cookies.CookieName + "=", StringComparison.Ordinal)))
                {
                    cookies.Write(http.Response, renewed);
                }

                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }

    /// <summary>Expires the three Better Auth cookies.</summary>
    public void Clear(HttpResponse response)
    {
        foreach (var name in (ReadOnlySpan<string>)[TokenName, DataName, DontRememberName])
        {
            response.Headers.Append("Set-Cookie", $"{_prefix}{name}=; Max-Age=0; {_attributes}");
        }

        NoStore(response);
    }

    /// <summary>Adds <paramref name="header"/> to <c>access-control-expose-headers</c>, comma-joined like Better Auth.</summary>
    public static void Expose(HttpResponse response, string header)
    {
        var current = response.Headers.AccessControlExposeHeaders.ToString();
        response.Headers.AccessControlExposeHeaders = current.Length == 0 ? header : $"{current}, {header}";
    }

    /// <summary>Responses that carry a session or a token must never be cached.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    public string Sign(string value) =>
        $"{value}.{Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)))}";

    private string? ReadSigned(HttpRequest request, string name) =>
        request.Cookies.TryGetValue(name, out var cookie) && !string.IsNullOrEmpty(cookie)
            ? Unsign(Uri.UnescapeDataString(cookie))
            : null;

    private string? Unsign(string signed)
    {
        var dot = signed.LastIndexOf('.');
        if (dot <= 0 || signed.Length - dot - 1 != SignatureLength || signed[^1] != '=' || dot > MaxTokenLength)
        {
            return null;
        }

        var value = signed[..dot];
        Span<byte> given = stackalloc byte[32];
        if (!Convert.TryFromBase64String(signed[(dot + 1)..], given, out var written) || written != 32)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? value : null;
    }

    private static string? ValidRaw(string value) =>
        value.Length is > 0 and <= MaxTokenLength ? value : null;
}
