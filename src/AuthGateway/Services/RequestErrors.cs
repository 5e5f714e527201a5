using TodoClean.Application.Common.Exceptions;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// Better Auth's errors about the HTTP request itself rather than the use case: where it came from (origin and CSRF
/// checks), where it wants to be sent (callback URLs) and how it was made.
/// </summary>
internal static class RequestErrors
{
    public static readonly AuthError MissingOrNullOrigin =
        new("MISSING_OR_NULL_ORIGIN", "Missing or null Origin", AuthErrorKind.Forbidden);

    public static readonly AuthError InvalidOrigin = new("INVALID_ORIGIN", "Invalid origin", AuthErrorKind.Forbidden);

    public static readonly AuthError InvalidCallbackUrl = new("INVALID_CALLBACK_URL", "Invalid callbackURL", AuthErrorKind.Forbidden);

    public static readonly AuthError InvalidRedirectUrl = new("INVALID_REDIRECT_URL", "Invalid redirectURL", AuthErrorKind.Forbidden);

    public static readonly AuthError CrossSiteNavigationLoginBlocked = new(
        "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED",
        "Cross-site navigation login blocked. This request appears to be a CSRF attack.",
        AuthErrorKind.Forbidden);

    /// <summary>Better Auth refuses <c>POST /get-session</c> with 405 unless deferred session refresh is configured.</summary>
    public const string DeferSessionRequiredCode = "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED";

    public const string DeferSessionRequiredMessage = "POST method requires deferSessionRefresh to be enabled in session config";
}
