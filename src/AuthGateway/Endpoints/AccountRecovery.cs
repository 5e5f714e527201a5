using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Commands.RequestPasswordReset;
using TodoClean.Application.Auth.Commands.ResetPassword;
using TodoClean.Application.Auth.Commands.SendVerificationEmail;
using TodoClean.Application.Auth.Commands.VerifyEmail;
using TodoClean.Application.Auth.Queries.CheckPasswordResetToken;
using TodoClean.Application.Common.Exceptions;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>
/// Better Auth's mailed links: a forgotten password (request a link, follow it, set a new password) and the confirmation
/// of an email address. Every redirect target is checked against the trusted origins.
/// </summary>
public sealed class AccountRecovery : IEndpointGroup
{
    /// <summary>Better Auth's answer to a reset request, whether or not the address has an account.</summary>
    /// <summary>Longest reset token the link can carry (ours are 43 characters); a longer one is simply not found.</summary>
    public const int MaxTokenLength = 256;

    /// <summary>Longest verification token (a JWT of an address and an id); a longer one is invalid.</summary>
    public const int MaxJwtLength = 4096;

    /// <summary>Longest callbackURL accepted; a longer one is refused like an untrusted one.</summary>
    public const int MaxUrlLength = 2048;

    public const string ResetRequestedMessage = "If this email exists in our system, check your email for the reset link";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Account recovery");
        group.MapPost("/request-password-reset", RequestPasswordReset).WithName("RequestPasswordReset")
            .WithSummary("Mail a password-reset link")
            .WithDescription(
                "Mails `{base}/api/auth/reset-password/{token}?callbackURL={redirectTo}` to the address when it has an " +
                "account. The answer is the same, in about the same time, when it has none. The link works once, for " +
                "`Auth:ResetPasswordTokenLifetime` (1 hour). 400 `RESET_PASSWORD_DISABLED` when no mail transport is configured.")
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new MailLimitFilter(c => c.Arguments.OfType<RequestPasswordResetRequest>().FirstOrDefault()?.Email));
        group.MapPost("/forget-password", RequestPasswordReset).WithName("ForgetPassword")
            .WithSummary("Mail a password-reset link (older name)")
            .WithDescription("The name older Better Auth clients call; the same as `/request-password-reset`.")
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new MailLimitFilter(c => c.Arguments.OfType<RequestPasswordResetRequest>().FirstOrDefault()?.Email));
        group.MapGet("/reset-password/{token}", ResetPasswordCallback).WithName("ResetPasswordCallback")
            .WithSummary("Follow a password-reset link")
            .WithDescription(
                "Redirects (302) to `callbackURL?token={token}` while the token works, else to `callbackURL?error=INVALID_TOKEN`. " +
                "Following the link does not use the token up.")
            .Produces(StatusCodes.Status302Found)
            .WithResponseHeader(StatusCodes.Status302Found, "Location", "The `callbackURL` with `token` or `error`.")
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        group.MapPost("/reset-password", ResetPassword).WithName("ResetPassword")
            .WithSummary("Set a new password with a reset token")
            .WithDescription(
                "Spends the token (it works once) and sets the new password. With `Auth:RevokeSessionsOnPasswordReset` (on " +
                "by default) every session of the user ends, and the todo API refuses their JWTs within seconds.")
            .ProducesAuthErrors(StatusCodes.Status400BadRequest)
            .ProducesTooManyRequests();
        group.MapPost("/send-verification-email", SendVerificationEmail).WithName("SendVerificationEmail")
            .WithSummary("Mail an email-verification link")
            .WithDescription(
                "Mails `{base}/api/auth/verify-email?token={jwt}&callbackURL={callbackURL}`. Signed in, the address must " +
                "be the caller's and unverified (`EMAIL_MISMATCH`, `EMAIL_ALREADY_VERIFIED`); signed out, the answer is the " +
                "same for any address. 400 `VERIFICATION_EMAIL_NOT_ENABLED` when no mail transport is configured.")
            .AcceptsSession()
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new MailLimitFilter(c => c.Arguments.OfType<SendVerificationEmailRequest>().FirstOrDefault()?.Email));
        group.MapGet("/verify-email", VerifyEmail).WithName("VerifyEmail")
            .WithSummary("Follow an email-verification link")
            .WithDescription(
                "Marks the address verified. With a `callbackURL`, redirects (302) there, adding `?error=` with " +
                "`INVALID_TOKEN`, `TOKEN_EXPIRED` or `USER_NOT_FOUND` on failure; without one, `{status: true, user: null}` " +
                "or 401 with the code.")
            .Produces<VerifyEmailResponse>()
            .Produces(StatusCodes.Status302Found)
            .WithResponseHeader(StatusCodes.Status302Found, "Location", "The `callbackURL`, with `error` on failure.")
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<RequestPasswordResetResponse>> RequestPasswordReset(
        ISender sender, TrustedOrigins trusted, IOptions<GatewayOptions> gateway, HttpContext context,
        RequestPasswordResetRequest body, CancellationToken cancellationToken)
    {
        if (!trusted.IsAllowedRedirect(body.RedirectTo, context.Request))
        {
            throw new AuthException(RequestErrors.InvalidRedirectUrl);
        }

        await sender.Send(
            new RequestPasswordResetCommand(body.Email, body.RedirectTo ?? string.Empty, LinkBase(gateway.Value, context), Auth.Client(context)),
            cancellationToken);
        return TypedResults.Ok(new RequestPasswordResetResponse(true, ResetRequestedMessage));
    }

    public static async Task<RedirectHttpResult> ResetPasswordCallback(
        ISender sender, TrustedOrigins trusted, IOptions<GatewayOptions> gateway, HttpContext context,
        [StringLength(MaxTokenLength)] string token, [StringLength(MaxUrlLength)] string? callbackURL,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(callbackURL))
        {
            throw new AuthException(new AuthError("VALIDATION_ERROR", "[query.callbackURL] Invalid input: expected string, received undefined", AuthErrorKind.BadRequest));
        }

        RequireAllowed(trusted, context, callbackURL);
        var live = await sender.Send(new CheckPasswordResetTokenQuery(token), cancellationToken);
        var target = Resolve(callbackURL, gateway.Value, context);
        return TypedResults.Redirect(live ? WithQuery(target, "token", token) : WithQuery(target, "error", "INVALID_TOKEN"));
    }

    public static async Task<Ok<StatusResponse>> ResetPassword(
        ISender sender, HttpContext context, ResetPasswordRequest body, CancellationToken cancellationToken)
    {
        var token = string.IsNullOrEmpty(body.Token) ? context.Request.Query["token"].ToString() : body.Token;
        await sender.Send(new ResetPasswordCommand(token, body.NewPassword), cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }

    public static async Task<Ok<StatusResponse>> SendVerificationEmail(
        ISender sender, SessionCookies cookies, TrustedOrigins trusted, IOptions<GatewayOptions> gateway, HttpContext context,
        SendVerificationEmailRequest body, CancellationToken cancellationToken)
    {
        RequireAllowed(trusted, context, body.CallbackURL);
        await sender.Send(new SendVerificationEmailCommand(
            body.Email, string.IsNullOrEmpty(body.CallbackURL) ? "/" : body.CallbackURL, LinkBase(gateway.Value, context),
            cookies.ReadToken(context.Request), Auth.Client(context)), cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }

    public static async Task<IResult> VerifyEmail(
        ISender sender, TrustedOrigins trusted, HttpContext context, [StringLength(MaxJwtLength)] string? token,
        [StringLength(MaxUrlLength)] string? callbackURL, CancellationToken cancellationToken)
    {
        RequireAllowed(trusted, context, callbackURL);
        try
        {
            await sender.Send(new VerifyEmailCommand(token), cancellationToken);
        }
        catch (AuthException e) when (!string.IsNullOrEmpty(callbackURL))
        {
            return TypedResults.Redirect(WithQuery(callbackURL, "error", e.Error.Code));
        }

        return string.IsNullOrEmpty(callbackURL)
            ? TypedResults.Ok(new VerifyEmailResponse(true, null))
            : TypedResults.Redirect(callbackURL);
    }

    /// <summary>Where the links point: <c>{Auth:BaseUrl or this request's origin}/api/auth</c>.</summary>
    internal static string LinkBase(GatewayOptions gateway, HttpContext context) =>
        (gateway.BaseUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}") + "/api/auth";

    private static string Resolve(string callbackUrl, GatewayOptions gateway, HttpContext context) =>
        Uri.TryCreate(callbackUrl, UriKind.Absolute, out _)
            ? callbackUrl
            : new Uri(new Uri(gateway.BaseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}"), callbackUrl).ToString();

    /// <summary>Adds (or replaces) one query parameter, keeping the rest of the URL, as Better Auth's <c>URL.searchParams.set</c>.</summary>
    private static string WithQuery(string url, string name, string value)
    {
        var fragment = string.Empty;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = url[hash..];
            url = url[..hash];
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? url[..query] : url;
        var pairs = query >= 0
            ? url[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !string.Equals(p.Split('=')[0], name, StringComparison.Ordinal)).ToList()
            : [];
        pairs.Add($"{name}={Uri.EscapeDataString(value)}");
        return $"{path}?{string.Join('&', pairs)}{fragment}";
    }

    private static void RequireAllowed(TrustedOrigins trusted, HttpContext context, string? url)
    {
        if (url is { Length: > MaxUrlLength } || !trusted.IsAllowedRedirect(url, context.Request))
        {
            throw new AuthException(RequestErrors.InvalidCallbackUrl);
        }
    }
}
