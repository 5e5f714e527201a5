using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoClean.Application.Auth.Commands.DisableTwoFactor;
using TodoClean.Application.Auth.Commands.EnableTwoFactor;
using TodoClean.Application.Auth.Commands.GenerateBackupCodes;
using TodoClean.Application.Auth.Commands.VerifyBackupCode;
using TodoClean.Application.Auth.Commands.VerifyTotp;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Commands.RevealTotpUri;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Security;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;
using TodoClean.Infrastructure.Security;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>Better Auth's two-factor plugin: authenticator (TOTP) enrolment, backup codes, and the second sign-in step.</summary>
public sealed class TwoFactor : IEndpointGroup
{
    private static readonly AuthError OtpNotConfigured =
        new("OTP_NOT_CONFIGURED", "OTP is not available", AuthErrorKind.BadRequest);

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/two-factor").WithTags("Two-factor");
        group.MapPost("/enable", Enable).WithName("EnableTwoFactor")
            .WithSummary("Start authenticator enrolment")
            .WithDescription(
                "Needs the password. Returns the `otpauth://` URI for an authenticator app and ten backup codes, shown " +
                "this once. Two-factor sign-in is on only after the first code is confirmed with `verify-totp`.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(PasswordLockout());
        group.MapPost("/get-totp-uri", GetTotpUri).WithName("GetTotpUri")
            .WithSummary("The enrolment URI again")
            .WithDescription("Needs the password. The `otpauth://` URI of the current enrolment.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(PasswordLockout());
        group.MapPost("/qr-code", QrCode).WithName("TwoFactorQrCode")
            .WithSummary("The enrolment URI again, with its QR code")
            .WithDescription(
                "This gateway's addition for its UI: what `get-totp-uri` answers, plus the QR code as SVG and the key to " +
                "type in by hand.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(PasswordLockout());
        group.MapPost("/disable", Disable).WithName("DisableTwoFactor")
            .WithSummary("Turn two-factor sign-in off")
            .WithDescription("Needs the password. Deletes the secret, the backup codes and every trusted device.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(PasswordLockout());
        group.MapPost("/generate-backup-codes", GenerateBackupCodes).WithName("GenerateBackupCodes")
            .WithSummary("New backup codes")
            .WithDescription("Needs the password. Ten new backup codes, shown this once; the old ones stop working.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(PasswordLockout());
        group.MapPost("/verify-totp", VerifyTotp).WithName("VerifyTotp")
            .WithSummary("Check an authenticator code")
            .WithDescription(
                "With a session: confirms the enrolment and turns two-factor sign-in on. With the `better-auth.two_factor` " +
                "cookie from sign-in: finishes the sign-in (session cookie and `set-auth-token`). A code is accepted once; " +
                "a challenge allows five wrong codes, and ten wrong codes in a row lock the second factor for 15 minutes.")
            .AcceptsSession()
            .StartsSession()
            .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie",
                "With `trustDevice: true`, the signed `better-auth.trust_device` cookie (30 days).", required: false)
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests();
        group.MapPost("/verify-backup-code", VerifyBackupCode).WithName("VerifyBackupCode")
            .WithSummary("Use a backup code")
            .WithDescription("As `verify-totp`, with one of the backup codes; each works once.")
            .AcceptsSession()
            .StartsSession()
            .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie",
                "With `trustDevice: true`, the signed `better-auth.trust_device` cookie (30 days).", required: false)
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests();
    }

    public static async Task<Ok<EnableTwoFactorResponse>> Enable(
        ISender sender, SessionCookies cookies, HttpContext context, EnableTwoFactorRequest body, CancellationToken cancellationToken)
    {
        if (body.Method is { } method && method != "totp")
        {
            throw new AuthException(OtpNotConfigured);
        }

        var result = await sender.Send(
            new EnableTwoFactorCommand(cookies.ReadToken(context.Request), body.Password, body.Issuer), cancellationToken);
        SessionCookies.NoStore(context.Response);
        return TypedResults.Ok(new EnableTwoFactorResponse("totp", result.TotpUri, result.BackupCodes));
    }

    public static async Task<Ok<TotpUriResponse>> GetTotpUri(
        ISender sender, SessionCookies cookies, HttpContext context, PasswordRequest body, CancellationToken cancellationToken)
    {
        var uri = await sender.Send(new RevealTotpUriCommand(cookies.ReadToken(context.Request), body.Password), cancellationToken);
        SessionCookies.NoStore(context.Response);
        return TypedResults.Ok(new TotpUriResponse(uri));
    }

    public static async Task<Ok<TotpQrCodeResponse>> QrCode(
        ISender sender, SessionCookies cookies, HttpContext context, PasswordRequest body, CancellationToken cancellationToken)
    {
        var uri = await sender.Send(new RevealTotpUriCommand(cookies.ReadToken(context.Request), body.Password), cancellationToken);
        SessionCookies.NoStore(context.Response);
        var key = System.Web.HttpUtility.ParseQueryString(new Uri(uri).Query)["secret"] ?? string.Empty;
        return TypedResults.Ok(new TotpQrCodeResponse(uri, QrCodes.Svg(uri), key));
    }

    public static async Task<Ok<StatusResponse>> Disable(
        ISender sender, SessionCookies cookies, HttpContext context, PasswordRequest body, CancellationToken cancellationToken)
    {
        await sender.Send(new DisableTwoFactorCommand(cookies.ReadToken(context.Request), body.Password), cancellationToken);
        if (context.Request.Cookies.Keys.Any(k => k.EndsWith("better-auth.trust_device", StringComparison.Ordinal)))
        {
            cookies.ClearTrustedDevice(context.Response);
        }

        return TypedResults.Ok(new StatusResponse(true));
    }

    public static async Task<Ok<BackupCodesResponse>> GenerateBackupCodes(
        ISender sender, SessionCookies cookies, HttpContext context, PasswordRequest body, CancellationToken cancellationToken)
    {
        var codes = await sender.Send(new GenerateBackupCodesCommand(cookies.ReadToken(context.Request), body.Password), cancellationToken);
        SessionCookies.NoStore(context.Response);
        return TypedResults.Ok(new BackupCodesResponse(true, codes));
    }

    public static async Task<Ok<TwoFactorVerifiedResponse>> VerifyTotp(
        ISender sender, SessionCookies cookies, HttpContext context, VerifyTotpRequest body, CancellationToken cancellationToken)
    {
        var verified = await SpendingTheChallengeOnLockout(cookies, context, () => sender.Send(new VerifyTotpCommand(
            cookies.ReadToken(context.Request), cookies.ReadTwoFactorChallenge(context.Request), body.Code,
            body.TrustDevice ?? false, Auth.Client(context)), cancellationToken));
        return Finish(cookies, context, verified);
    }

    public static async Task<Ok<TwoFactorVerifiedResponse>> VerifyBackupCode(
        ISender sender, SessionCookies cookies, HttpContext context, VerifyBackupCodeRequest body, CancellationToken cancellationToken)
    {
        var verified = await SpendingTheChallengeOnLockout(cookies, context, () => sender.Send(new VerifyBackupCodeCommand(
            cookies.ReadToken(context.Request), cookies.ReadTwoFactorChallenge(context.Request), body.Code,
            body.TrustDevice ?? false, Auth.Client(context)), cancellationToken));
        return Finish(cookies, context, verified);
    }

    /// <summary>
    /// A challenge that ran out of attempts is spent, so its cookie is expired with the error answer, as Better Auth does.
    /// The error answer is written by the shared exception handler, which starts from a cleared response: the cookie is
    /// added as the response starts.
    /// </summary>
    private static async Task<TwoFactorVerified> SpendingTheChallengeOnLockout(
        SessionCookies cookies, HttpContext context, Func<ValueTask<TwoFactorVerified>> verify)
    {
        try
        {
            return await verify();
        }
        catch (AuthException e) when (e.Error == AuthErrors.TooManyAttemptsRequestNewCode)
        {
            context.Response.OnStarting(() =>
            {
                cookies.ClearTwoFactorChallenge(context.Response);
                return Task.CompletedTask;
            });
            throw;
        }
    }

    private static Ok<TwoFactorVerifiedResponse> Finish(SessionCookies cookies, HttpContext context, TwoFactorVerified verified)
    {
        if (verified.Started)
        {
            cookies.Write(context.Response, verified.Session);
            cookies.ClearTwoFactorChallenge(context.Response);
        }

        if (verified.TrustedDeviceToken is { } device)
        {
            cookies.WriteTrustedDevice(context.Response, device);
        }

        SessionCookies.NoStore(context.Response);
        return TypedResults.Ok(new TwoFactorVerifiedResponse(verified.Session.Token, verified.Session.User));
    }

    /// <summary>Wrong passwords on these endpoints count towards the same lockout as change-password.</summary>
    private static AccountLockoutFilter PasswordLockout() => new(
        c => c.HttpContext.RequestServices.GetRequiredService<SessionCookies>().ReadToken(c.HttpContext.Request) is { } token
            ? $"session|{SecureIds.HashToken(token)}"
            : null,
        AuthErrors.InvalidPassword.Code);
}
