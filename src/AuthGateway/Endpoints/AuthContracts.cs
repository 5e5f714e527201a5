using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TodoClean.Application.Auth.Commands.ChangePassword;
using TodoClean.Application.Auth.Commands.DeleteUser;
using TodoClean.Application.Auth.Commands.RequestPasswordReset;
using TodoClean.Application.Auth.Commands.ResetPassword;
using TodoClean.Application.Auth.Commands.SendVerificationEmail;
using TodoClean.Application.Auth.Commands.DisableTwoFactor;
using TodoClean.Application.Auth.Commands.EnableTwoFactor;
using TodoClean.Application.Auth.Commands.RevokeSession;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Commands.SignUp;
using TodoClean.Application.Auth.Commands.UpdateUser;
using TodoClean.Application.Auth.Commands.VerifyBackupCode;
using TodoClean.Application.Auth.Commands.VerifyTotp;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.AuthGateway.Endpoints;

// Request and response bodies of /api/auth/*, shaped exactly as Better Auth's (better-auth-protocol.md §3).

[ValidatedAs(typeof(SignUpCommand))]
public sealed record SignUpRequest(
    string? Name, string? Email, string? Password, string? Image, string? CallbackURL, bool? RememberMe);

[ValidatedAs(typeof(SignInCommand))]
public sealed record SignInRequest(string? Email, string? Password, bool? RememberMe, string? CallbackURL);

/// <summary><see cref="Token"/> is null when <c>Auth:RequireEmailVerification</c> keeps the new account signed out.</summary>
public sealed record SignUpResponse(string? Token, UserDto User);

public sealed record SignInResponse(
    bool Redirect,
    string Token,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    UserDto User);

public sealed record SessionResponse(SessionDto Session, UserDto User);

public sealed record TokenResponse(string Token);

public sealed record SuccessResponse(bool Success);

public sealed record OkResponse(bool Ok);

public sealed record StatusResponse(bool Status);

[ValidatedAs(typeof(RevokeSessionCommand))]
public sealed record RevokeSessionRequest(string? Token);

[ValidatedAs(typeof(ChangePasswordCommand))]
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, bool? RevokeOtherSessions);

public sealed record ChangePasswordResponse(string? Token, UserDto User);

/// <summary><c>Email</c> is read only to refuse it: the email cannot be changed through update-user.</summary>
[ValidatedAs(typeof(UpdateUserCommand))]
public sealed record UpdateUserRequest(string? Name, string? Image, JsonElement? Email);

[ValidatedAs(typeof(RequestPasswordResetCommand))]
public sealed record RequestPasswordResetRequest(string? Email, string? RedirectTo);

public sealed record RequestPasswordResetResponse(bool Status, string Message);

[ValidatedAs(typeof(ResetPasswordCommand))]
public sealed record ResetPasswordRequest(string? NewPassword, string? Token);

[ValidatedAs(typeof(SendVerificationEmailCommand))]
public sealed record SendVerificationEmailRequest(string? Email, string? CallbackURL);

/// <summary>What verify-email answers without a callbackURL: Better Auth's <c>{status: true, user: null}</c>.</summary>
public sealed record VerifyEmailResponse(
    bool Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] UserDto? User);

[ValidatedAs(typeof(DeleteUserCommand))]
public sealed record DeleteUserRequest(string? Password, string? CallbackURL);

public sealed record DeleteUserResponse(bool Success, string Message);

/// <summary>A JSON Web Key Set (RFC 7517). This gateway signs with a symmetric key only, which is never published.</summary>
public sealed record JsonWebKeySetResponse(IReadOnlyList<JsonObject> Keys);

/// <summary>Sign-in of a user with two-factor on: no session yet, the challenge is in the two-factor cookie.</summary>
public sealed record TwoFactorRedirectResponse(bool TwoFactorRedirect, IReadOnlyList<string> TwoFactorMethods);

/// <summary><c>Method</c>: only <c>totp</c> is offered (no email or SMS codes).</summary>
[ValidatedAs(typeof(EnableTwoFactorCommand))]
public sealed record EnableTwoFactorRequest(string? Password, string? Issuer, string? Method);

public sealed record EnableTwoFactorResponse(string Method, [property: JsonPropertyName("totpURI")] string TotpUri, IReadOnlyList<string> BackupCodes);

[ValidatedAs(typeof(DisableTwoFactorCommand))]
public sealed record PasswordRequest(string? Password);

public sealed record TotpUriResponse([property: JsonPropertyName("totpURI")] string TotpUri);

public sealed record TotpQrCodeResponse([property: JsonPropertyName("totpURI")] string TotpUri, string Svg, string Key);

public sealed record BackupCodesResponse(bool Status, IReadOnlyList<string> BackupCodes);

[ValidatedAs(typeof(VerifyTotpCommand))]
public sealed record VerifyTotpRequest(string? Code, bool? TrustDevice);

[ValidatedAs(typeof(VerifyBackupCodeCommand))]
public sealed record VerifyBackupCodeRequest(string? Code, bool? TrustDevice);

public sealed record TwoFactorVerifiedResponse(string Token, UserDto User);
