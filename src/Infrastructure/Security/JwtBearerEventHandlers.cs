using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serilog;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Security.Keys;
using TodoClean.Infrastructure.Security.Revocation;

namespace TodoClean.Infrastructure.Security;

/// <summary>What the API does around JwtBearer's own checks: stricter claims, quiet logs, RFC 9457 answers.</summary>
internal static class JwtBearerEventHandlers
{
    private const string LoggerName = "TodoClean.Authentication";

    private static readonly IReadOnlySet<string> EmptyAlgorithms = new HashSet<string>();

    /// <summary>
    /// Reads the token from the <c>Authorization</c> header only (never a query string or cookie) and turns away
    /// malformed or suspicious tokens before any signature work (see <see cref="JwtPreValidator"/>).
    /// </summary>
    public static Task ReadTokenAsync(MessageReceivedContext context)
    {
        if (!TryReadBearer(context.Request, out var token))
        {
            context.NoResult();
            return Task.CompletedTask;
        }

        var parameters = context.Options.TokenValidationParameters;
        var algorithms = parameters.ValidAlgorithms as IReadOnlySet<string> ?? EmptyAlgorithms;
        if (JwtPreValidator.Check(token, algorithms, out var algorithm) is { } problem)
        {
            context.Fail(new MalformedTokenException(problem));
            return Task.CompletedTask;
        }

        // A wrong HS256 signature or a past expiry costs one HMAC here instead of a full validation that throws.
        var now = context.Options.TimeProvider?.GetUtcNow().UtcDateTime ?? DateTime.UtcNow;
        if (algorithm == SecurityAlgorithms.HmacSha256 && JwtFastRejection.Check(token, parameters, now) is { } rejection)
        {
            ReportForeignKey(context.HttpContext);
            context.Fail(rejection);
            return Task.CompletedTask;
        }

        context.Token = token.ToString();
        return Task.CompletedTask;
    }

    /// <summary>
    /// JwtBearer accepts a blank subject and an <c>iat</c> in the future; we do not. The subject is <c>sub</c>, or Better
    /// Auth's <c>id</c> claim when an issuer leaves <c>sub</c> out.
    /// </summary>
    public static Task RejectIncompleteTokensAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("Unexpected token type.");
            return Task.CompletedTask;
        }

        if ((!token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sub) || string.IsNullOrWhiteSpace(sub))
            && (!token.TryGetPayloadValue("id", out sub) || string.IsNullOrWhiteSpace(sub)))
        {
            context.Fail("The token has no subject.");
            return Task.CompletedTask;
        }

        var skew = context.Options.TokenValidationParameters.ClockSkew;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (token.IssuedAt != DateTime.MinValue && token.IssuedAt > now + skew)
        {
            context.Fail("The token was issued in the future.");
            return Task.CompletedTask;
        }

        // Signed out, revoked or changed password: refused from memory (the revocation feed), no I/O.
        token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sid, out var sid);
        if (context.HttpContext.RequestServices.GetRequiredService<RevokedTokens>().IsRevoked(sid, sub, token.IssuedAt))
        {
            context.Fail(new RevokedTokenException());
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A JWKS that cannot be fetched while no copy is cached makes JwtBearer throw: that becomes a refusal (401), never a
    /// 5xx. A refused HS256 token feeds the secret-mismatch diagnosis.
    /// </summary>
    public static Task HandleFailureAsync(AuthenticationFailedContext context)
    {
        if (context.Exception is InvalidOperationException unavailable && context.Options.ConfigurationManager is not null)
        {
            context.Fail(new SigningKeysUnavailableException(unavailable));
            return Task.CompletedTask;
        }

        ReportForeignKey(context.HttpContext);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A refused HS256 token signed with a secret we do not hold feeds the mismatch diagnosis (<see cref="ForeignKeyDiagnosis"/>);
    /// tokens of the JWKS algorithms name their key by <c>kid</c> and are not about the shared secret.
    /// </summary>
    private static void ReportForeignKey(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var ourKeyId = services.GetRequiredService<JwtSigningKey>().KeyId;
        if (ourKeyId.Length > 0 && TryReadBearer(httpContext.Request, out var token)
            && JwtPreValidator.ReadHeaderString(token, "alg"u8) == SecurityAlgorithms.HmacSha256
            && JwtPreValidator.ReadKeyId(token) is { } tokenKeyId && tokenKeyId != ourKeyId)
        {
            services.GetRequiredService<ForeignKeyDiagnosis>().Record(tokenKeyId, ourKeyId);
        }
    }

    public static async Task WriteUnauthorizedProblemAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var tokenSent = TryReadBearer(context.Request, out _);
        var reason = !tokenSent ? "no bearer token" : context.AuthenticateFailure is { } failure ? Describe(failure) : "invalid token";
        // The request's own log line (method, path, 401, client address) carries the reason as a property; a line of
        // its own only at Debug, so a flood of bad tokens costs one log line per request, not two.
        context.HttpContext.RequestServices.GetService<IDiagnosticContext>()?.Set("AuthFailure", reason);
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Denied {Method} {Path} from {ClientIp}: {Reason}",
                context.Request.Method, context.Request.Path.Value, context.HttpContext.Connection.RemoteIpAddress, reason);
        }

        await ApiErrorResponse.WriteAsync(context.HttpContext, ApiErrors.Unauthorized(tokenSent));
    }

    public static Task WriteForbiddenProblemAsync(ForbiddenContext context) =>
        ApiErrorResponse.WriteAsync(context.HttpContext, ApiErrors.Forbidden).AsTask();

    /// <summary>A failure's kind without library codes or token content (IDX messages can echo token parts).</summary>
    private static string Describe(Exception failure) => failure switch
    {
        MalformedTokenException => failure.Message,
        RevokedTokenException => "revoked",
        SigningKeysUnavailableException => "signing keys unavailable",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        _ => failure.GetType().Name,
    };

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, trimmed; false for no header or another scheme.</summary>
    private static bool TryReadBearer(HttpRequest request, out ReadOnlySpan<char> token)
    {
        const string Scheme = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            token = default;
            return false;
        }

        token = authorization.AsSpan(Scheme.Length).Trim();
        return true;
    }
}
