using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Commands.IssueToken;
using TodoClean.Application.Auth.Commands.SendVerificationEmail;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Commands.SignOut;
using TodoClean.Application.Auth.Commands.SignUp;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.Common.Exceptions;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>The Better Auth core: email sign-up and sign-in, sessions, sign-out and the JWT refresh call.</summary>
public sealed class Auth : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        // Sign-up checks no password: a refused sign-up never counts towards locking an account (see AccountLockout).
        group.MapPost("/sign-up/email", SignUp).WithName("SignUpEmail")
            .WithSummary("Sign up with email and password")
            .WithDescription(
                "Creates the account and signs it in: the session comes back as a cookie and in `set-auth-token`. With " +
                "`Auth:RequireEmailVerification` nobody is signed in (`token: null`), a verification link is mailed, and a " +
                "taken address gets the same answer as a new one.")
            .StartsSession()
            .ProducesAuthErrors(StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity)
            .ProducesTooManyRequests();
        group.MapPost("/sign-in/email", SignIn).WithName("SignInEmail")
            .WithSummary("Sign in with email and password")
            .WithDescription(
                "Starts a session: a cookie and `set-auth-token`. With a `callbackURL` (relative or on a trusted origin) the " +
                "answer has `redirect: true`, `url` and a `Location` header; without one, `redirect: false` and no `url`. " +
                "When the user has two-factor sign-in on (and the browser is not a trusted device), the answer is " +
                "`{twoFactorRedirect: true, twoFactorMethods}` with no session: the signed `better-auth.two_factor` cookie " +
                "carries the challenge to `/two-factor/verify-totp` or `/two-factor/verify-backup-code`.")
            .Produces<SignInResponse>()
            .WithAlternativeResponse<TwoFactorRedirectResponse, RouteHandlerBuilder>(StatusCodes.Status200OK)
            .StartsSession()
            .WithResponseHeader(StatusCodes.Status200OK, SessionCookies.SetAuthTokenHeader,
                "The new session's token (signed), for `Authorization: Bearer`; not sent with `twoFactorRedirect`.", required: false)
            .WithResponseHeader(StatusCodes.Status200OK, "Location", "The `callbackURL`, when one was sent.", required: false)
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new AccountLockoutFilter(
                c => AccountKey(c.Arguments.OfType<SignInRequest>().FirstOrDefault()?.Email), AuthErrors.InvalidEmailOrPassword.Code));
        group.MapGet("/get-session", GetSession).WithName("GetSession")
            .WithSummary("The current session")
            .WithDescription(
                "The caller's session and user, with a fresh API token in `set-auth-jwt`; a literal `null` (still 200) " +
                "when there is no live session.")
            .Produces<SessionResponse>()
            .WithNullableResponse(StatusCodes.Status200OK)
            .AcceptsSession()
            .MayRenewSession()
            .WithResponseHeader(StatusCodes.Status200OK, SessionCookies.SetAuthJwtHeader,
                "A fresh JWT for the todo API, sent whenever a session is returned.", required: false)
            .ProducesAuthErrors(StatusCodes.Status400BadRequest)
            .ProducesTooManyRequests();
        group.MapPost("/get-session", GetSessionByPost).ExcludeFromDescription();
        group.MapPost("/sign-out", SignOut).WithName("SignOut")
            .WithSummary("Sign out")
            .WithDescription("Ends the caller's session, if any, and clears the session cookies.")
            .AcceptsSession()
            .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie", "The three Better Auth cookies, expired.")
            .ProducesAuthErrors(StatusCodes.Status403Forbidden);
        group.MapGet("/token", Token).WithName("GetToken")
            .WithSummary("A JWT for the todo API")
            .WithDescription("The silent-refresh call: a fresh short-lived JWT for the caller's session (HS256, or ES256/EdDSA per `Jwt:Algorithm`).")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized)
            .ProducesTooManyRequests();
        group.MapGet("/jwks", Jwks).WithName("Jwks")
            .WithSummary("Verification keys")
            .WithDescription("The public keys that verify the gateway's JWTs, in Better Auth's shape (`kty`, `crv`, `x`/`y`, `kid`, " +
                "`alg`): the current ES256 or EdDSA key and retired ones still in their grace period. An empty set in HS256 " +
                "mode: the shared secret is never published.");
        group.MapGet("/ok", () => TypedResults.Ok(new OkResponse(true))).WithName("Ok")
            .WithSummary("Liveness")
            .WithDescription("`{\"ok\": true}` while the auth server answers.");
    }

    public static async Task<Ok<SignUpResponse>> SignUp(
        ISender sender, SessionCookies cookies, TrustedOrigins trusted, IAuthMailer mailer, IOptions<GatewayOptions> gateway,
        HttpContext context, SignUpRequest body, CancellationToken cancellationToken)
    {
        RequireAllowedCallback(trusted, context, body.CallbackURL);
        var result = await sender.Send(
            new SignUpCommand(body.Name, body.Email, body.Password, body.Image, body.RememberMe ?? true, Client(context)),
            cancellationToken);
        if (result.Session is { } session)
        {
            cookies.Write(context.Response, session);
        }
        else if (result.Created && mailer.Enabled)
        {
            // Signed out until verified: the link goes out now, as Better Auth's sendOnSignUp does.
            await sender.Send(new SendVerificationEmailCommand(
                result.User.Email, string.IsNullOrEmpty(body.CallbackURL) ? "/" : body.CallbackURL,
                AccountRecovery.LinkBase(gateway.Value, context), null, Client(context)), cancellationToken);
        }

        return TypedResults.Ok(new SignUpResponse(result.Session?.Token, result.User));
    }

    public static async Task<IResult> SignIn(
        ISender sender, SessionCookies cookies, TrustedOrigins trusted, HttpContext context, SignInRequest body,
        CancellationToken cancellationToken)
    {
        RequireAllowedCallback(trusted, context, body.CallbackURL);
        var result = await sender.Send(
            new SignInCommand(body.Email, body.Password, body.RememberMe ?? true, Client(context),
                cookies.ReadTrustedDevice(context.Request)),
            cancellationToken);
        if (result.ForgetTrustedDevice)
        {
            cookies.ClearTrustedDevice(context.Response);
        }

        if (result.TrustedDeviceToken is { } device)
        {
            cookies.WriteTrustedDevice(context.Response, device);
        }

        if (result.Session is not { } session)
        {
            // Two-factor sign-in: the password was right, but the session waits for the second factor (Better Auth's
            // answer is a 200 with twoFactorRedirect and the signed two-factor cookie).
            cookies.WriteTwoFactorChallenge(context.Response, result.ChallengeToken!);
            return TypedResults.Ok(new TwoFactorRedirectResponse(true, result.TwoFactorMethods));
        }

        cookies.Write(context.Response, session);
        if (!string.IsNullOrEmpty(body.CallbackURL))
        {
            context.Response.Headers.Location = body.CallbackURL;
            return TypedResults.Ok(new SignInResponse(true, session.Token, body.CallbackURL, session.User));
        }

        return TypedResults.Ok(new SignInResponse(false, session.Token, null, session.User));
    }

    /// <summary>The current session and user, or a literal <c>null</c> (still 200) when there is none.</summary>
    public static async Task<IResult> GetSession(
        ISender sender, SessionCookies cookies, HttpContext context, bool? disableRefresh, CancellationToken cancellationToken)
    {
        SessionCookies.NoStore(context.Response);
        var token = cookies.ReadToken(context.Request);
        var session = await sender.Send(new GetSessionQuery(token, disableRefresh ?? false), cancellationToken);
        if (session is null)
        {
            if (context.Request.Cookies.ContainsKey(cookies.CookieName))
            {
                cookies.Clear(context.Response);
            }

            return TypedResults.Content("null", "application/json");
        }

        var jwt = await sender.Send(new IssueTokenCommand(token, DisableRefresh: true), cancellationToken);
        context.Response.Headers[SessionCookies.SetAuthJwtHeader] = jwt.Token;
        SessionCookies.Expose(context.Response, SessionCookies.SetAuthJwtHeader);

        return TypedResults.Ok(new SessionResponse(session.Session, session.User));
    }

    /// <summary>Better Auth refuses <c>POST /get-session</c> unless deferred session refresh is configured.</summary>
    public static IResult GetSessionByPost() => throw new HttpProblemException(new ApiError(
        StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", RequestErrors.DeferSessionRequiredMessage,
        RequestErrors.DeferSessionRequiredCode));

    public static async Task<Ok<SuccessResponse>> SignOut(
        ISender sender, SessionCookies cookies, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new SignOutCommand(cookies.ReadToken(context.Request)), cancellationToken);
        cookies.Clear(context.Response);
        return TypedResults.Ok(new SuccessResponse(true));
    }

    /// <summary>The silent-refresh call: a fresh JWT for the current session.</summary>
    public static async Task<Ok<TokenResponse>> Token(
        ISender sender, SessionCookies cookies, HttpContext context, CancellationToken cancellationToken)
    {
        SessionCookies.NoStore(context.Response);
        var jwt = await sender.Send(new IssueTokenCommand(cookies.ReadToken(context.Request)), cancellationToken);
        return TypedResults.Ok(new TokenResponse(jwt.Token));
    }

    /// <summary>
    /// Better Auth publishes its asymmetric verification keys here, and so does this gateway in ES256/EdDSA mode (public
    /// halves only). With the shared HS256 secret, which must never be published, the set is empty
    /// (docs/decisions/0004-jwks.md) unless asymmetric keys are still in their grace period.
    /// </summary>
    public static Ok<JsonWebKeySetResponse> Jwks(SigningKeyRing keys) => TypedResults.Ok(new JsonWebKeySetResponse(keys.Published));

    /// <summary>The lockout key of an email: its normalized form, so case and spaces cannot dodge the count.</summary>
    private static string? AccountKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : $"email|{email.Trim().ToLowerInvariant()}";

    /// <summary>A <c>callbackURL</c> (body or query) must be a relative path or on a trusted origin.</summary>
    private static void RequireAllowedCallback(TrustedOrigins trusted, HttpContext context, string? bodyCallback)
    {
        if (!trusted.IsAllowedRedirect(bodyCallback, context.Request)
            || !trusted.IsAllowedRedirect(context.Request.Query["callbackURL"].ToString(), context.Request))
        {
            throw new AuthException(RequestErrors.InvalidCallbackUrl);
        }
    }

    internal static ClientInfo Client(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
}
