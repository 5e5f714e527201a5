using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serilog;

namespace TodoClean.Infrastructure.Security;

/// <summary>What the API does around JwtBearer's own checks: stricter claims, quiet logs, RFC 9457 answers.</summary>
internal static class JwtBearerEventHandlers
{
    public const string UnauthorizedDetail = "The access token is missing, expired or invalid. Sign in again.";

    private const string LoggerName = "TodoClean.Authentication";

    // Key ids already reported as "signed with a different secret": one warning each, not one per request.
    private static readonly ConcurrentDictionary<string, bool> ReportedForeignKeys = new();

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

        if (JwtPreValidator.Check(token) is { } problem)
        {
            context.Fail($"Malformed token ({problem}).");
            return Task.CompletedTask;
        }

        // A wrong signature or a past expiry costs one HMAC here instead of a full validation that throws.
        var now = context.Options.TimeProvider?.GetUtcNow().UtcDateTime ?? DateTime.UtcNow;
        if (JwtFastRejection.Check(token, context.Options.TokenValidationParameters, now) is { } rejection)
        {
            ReportForeignKey(context.HttpContext);
            context.Fail(rejection);
            return Task.CompletedTask;
        }

        context.Token = token.ToString();
        return Task.CompletedTask;
    }

    /// <summary>JwtBearer accepts a blank <c>sub</c> and an <c>iat</c> in the future; we do not.</summary>
    public static Task RejectIncompleteTokensAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("Unexpected token type.");
            return Task.CompletedTask;
        }

        if (!token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sub) || string.IsNullOrWhiteSpace(sub))
        {
            context.Fail("The token has no subject.");
            return Task.CompletedTask;
        }

        var skew = context.Options.TokenValidationParameters.ClockSkew;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (token.IssuedAt != DateTime.MinValue && token.IssuedAt > now + skew)
        {
            context.Fail("The token was issued in the future.");
        }

        return Task.CompletedTask;
    }

    public static Task LogFailureAsync(AuthenticationFailedContext context)
    {
        ReportForeignKey(context.HttpContext);
        return Task.CompletedTask;
    }

    /// <summary>Warns once per foreign key id when the token was signed with another secret.</summary>
    private static void ReportForeignKey(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var ourKeyId = services.GetRequiredService<JwtSigningKey>().KeyId;
        var tokenKeyId = TryReadBearer(httpContext.Request, out var token) ? JwtPreValidator.ReadKeyId(token) : null;
        if (tokenKeyId is not null && tokenKeyId != ourKeyId
            && ReportedForeignKeys.Count < 64 && ReportedForeignKeys.TryAdd(tokenKeyId, true))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName).LogWarning(
                "A JWT was signed with a different secret (token key {TokenKeyId}, ours {OurKeyId}): " +
                "check that FRONTEND_JWT_SECRET and BACKEND_JWT_SECRET hold the same value",
                tokenKeyId, ourKeyId);
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

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer";
        await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", UnauthorizedDetail);
    }

    public static Task WriteForbiddenProblemAsync(ForbiddenContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "You may not do this.");
    }

    private static async Task WriteProblemAsync(HttpContext httpContext, int status, string title, string detail)
    {
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>A failure's kind without library codes or token content (IDX messages can echo token parts).</summary>
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        _ when failure.Message.StartsWith("Malformed token", StringComparison.Ordinal) => failure.Message,
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
