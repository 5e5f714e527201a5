using TodoClean.Application.Common.Exceptions;

namespace TodoClean.Application.Auth.Common;

/// <summary>The Better Auth error codes and messages the auth use cases produce (docs/better-auth-protocol.md §8).</summary>
public static class AuthErrors
{
    public static readonly AuthError Unauthorized = new("UNAUTHORIZED", "Unauthorized", AuthErrorKind.Unauthorized);

    public static readonly AuthError InvalidEmailOrPassword =
        new("INVALID_EMAIL_OR_PASSWORD", "Invalid email or password", AuthErrorKind.Unauthorized);

    public static readonly AuthError UserAlreadyExists =
        new("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "User already exists. Use another email.", AuthErrorKind.Unprocessable);

    public static readonly AuthError InvalidPassword = new("INVALID_PASSWORD", "Invalid password", AuthErrorKind.BadRequest);

    public static readonly AuthError CredentialAccountNotFound =
        new("CREDENTIAL_ACCOUNT_NOT_FOUND", "Credential account not found", AuthErrorKind.BadRequest);

    public static readonly AuthError SessionNotFresh = new("SESSION_NOT_FRESH", "Session is not fresh", AuthErrorKind.Forbidden);

    public static readonly AuthError EmailCanNotBeUpdated =
        new("EMAIL_CAN_NOT_BE_UPDATED", "Email can not be updated", AuthErrorKind.BadRequest);

    /// <summary>Better Auth sends this one without a code.</summary>
    public static readonly AuthError NoFieldsToUpdate = new(string.Empty, "No fields to update", AuthErrorKind.BadRequest);

    public static readonly AuthError InvalidToken = new("INVALID_TOKEN", "Invalid token", AuthErrorKind.BadRequest);

    public static readonly AuthError ResetPasswordDisabled =
        new("RESET_PASSWORD_DISABLED", "Reset password isn't enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError VerificationEmailNotEnabled =
        new("VERIFICATION_EMAIL_NOT_ENABLED", "Verification email isn't enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError EmailMismatch = new("EMAIL_MISMATCH", "Email mismatch", AuthErrorKind.BadRequest);

    public static readonly AuthError EmailAlreadyVerified =
        new("EMAIL_ALREADY_VERIFIED", "Email is already verified", AuthErrorKind.BadRequest);

    public static readonly AuthError EmailNotVerified = new("EMAIL_NOT_VERIFIED", "Email not verified", AuthErrorKind.Forbidden);

    /// <summary>verify-email answers every failure with 401 (or, given a callbackURL, a redirect carrying the code).</summary>
    public static readonly AuthError VerificationTokenInvalid = new("INVALID_TOKEN", "Invalid token", AuthErrorKind.Unauthorized);

    public static readonly AuthError VerificationTokenExpired = new("TOKEN_EXPIRED", "Token expired", AuthErrorKind.Unauthorized);

    public static readonly AuthError VerificationUserNotFound = new("USER_NOT_FOUND", "User not found", AuthErrorKind.Unauthorized);

    /// <summary>delete-user without a password on a session older than <c>Auth:FreshAge</c> (400, unlike SESSION_NOT_FRESH).</summary>
    public static readonly AuthError SessionExpired =
        new("SESSION_EXPIRED", "Session expired. Re-authenticate to perform this action.", AuthErrorKind.BadRequest);
    // The two-factor plugin's errors (Better Auth plugins/two-factor/error-code).
    public static readonly AuthError TotpNotEnabled = new("TOTP_NOT_ENABLED", "TOTP not enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError TotpAlreadyEnabled =
        new("TOTP_ALREADY_ENABLED", "TOTP is already enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError TwoFactorNotEnabled =
        new("TWO_FACTOR_NOT_ENABLED", "Two factor isn't enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError BackupCodesNotEnabled =
        new("BACKUP_CODES_NOT_ENABLED", "Backup codes aren't enabled", AuthErrorKind.BadRequest);

    public static readonly AuthError InvalidCode = new("INVALID_CODE", "Invalid code", AuthErrorKind.Unauthorized);

    public static readonly AuthError InvalidBackupCode =
        new("INVALID_BACKUP_CODE", "Invalid backup code", AuthErrorKind.Unauthorized);

    public static readonly AuthError InvalidTwoFactorCookie =
        new("INVALID_TWO_FACTOR_COOKIE", "Invalid two factor cookie", AuthErrorKind.Unauthorized);

    public static readonly AuthError TooManyAttemptsRequestNewCode = new(
        "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "Too many attempts. Please request a new code.", AuthErrorKind.BadRequest);

    public static readonly AuthError AccountTemporarilyLocked = new(
        "ACCOUNT_TEMPORARILY_LOCKED",
        "Too many failed verification attempts. Your account is temporarily locked. Please try again later.",
        AuthErrorKind.TooManyRequests);

    public const string InvalidEmailCode = "INVALID_EMAIL";
    public const string PasswordTooShortCode = "PASSWORD_TOO_SHORT";
    public const string PasswordTooLongCode = "PASSWORD_TOO_LONG";
}
