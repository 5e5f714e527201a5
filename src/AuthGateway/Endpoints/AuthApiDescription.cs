using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>
/// What the gateway's endpoints declare for the API description: Better Auth's error body, the session credentials and
/// the headers that carry a session. Metadata only; none of it changes how a request is answered.
/// </summary>
internal static class AuthApiDescription
{
    /// <summary>The bearer plugin's credential: <c>Authorization: Bearer &lt;session token&gt;</c>.</summary>
    public const string SessionTokenScheme = "sessionToken";

    /// <summary>The browser's credential: the signed session cookie.</summary>
    public const string SessionCookieScheme = "sessionCookie";

    /// <summary>Errors in Better Auth's <c>{"message", "code"}</c> body (<see cref="BetterAuthErrorWriter"/>).</summary>
    public static RouteHandlerBuilder ProducesAuthErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces(status, typeof(BetterAuthErrorWriter.BetterAuthError), "application/json");
        }

        return builder;
    }

    /// <summary>429 from the rate limiter or the account lockout, with how long to wait.</summary>
    public static RouteHandlerBuilder ProducesTooManyRequests(this RouteHandlerBuilder builder) => builder
        .ProducesAuthErrors(StatusCodes.Status429TooManyRequests)
        .WithResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Whole seconds to wait before trying again (at least 1).")
        .WithResponseHeader(StatusCodes.Status429TooManyRequests, "X-Retry-After", "The same number of seconds, as Better Auth sends it.");

    /// <summary>The caller's session is needed: a session token or the session cookie.</summary>
    public static RouteHandlerBuilder RequiresSession(this RouteHandlerBuilder builder) => builder
        .RequiresCredentials(SessionTokenScheme, SessionCookieScheme)
        .MayRenewSession();

    /// <summary>The session is read when one is sent, and the answer without one is still a success.</summary>
    public static RouteHandlerBuilder AcceptsSession(this RouteHandlerBuilder builder) => builder
        .AcceptsCredentials(SessionTokenScheme, SessionCookieScheme);

    /// <summary>A 200 that starts a session: the cookie and the bearer token always come with it.</summary>
    public static RouteHandlerBuilder StartsSession(this RouteHandlerBuilder builder) => builder
        .WithResponseHeader(StatusCodes.Status200OK, SessionCookies.SetAuthTokenHeader,
            "The new session's token (signed), for `Authorization: Bearer` on later calls (Better Auth's bearer plugin).")
        .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie",
            "The signed `better-auth.session_token` cookie (`__Secure-` prefixed over HTTPS), HttpOnly, SameSite=Lax; " +
            "with `rememberMe: false` a session cookie plus `better-auth.dont_remember`.");

    /// <summary>A 200 on a session that was due for renewal resends the session with its new expiry (sliding sessions).</summary>
    public static RouteHandlerBuilder MayRenewSession(this RouteHandlerBuilder builder) => builder
        .WithResponseHeader(StatusCodes.Status200OK, SessionCookies.SetAuthTokenHeader,
            "Sent when the session was renewed on this call: the session token, as at sign-in.", required: false)
        .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie",
            "Sent when the session was renewed (the session cookie with its new expiry) or ended (the cleared cookies).",
            required: false);
}
