using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Persistence.Auth;

namespace TodoClean.AuthGateway.Services;

/// <summary>
/// The limits in front of the auth endpoints. Credential endpoints (sign-in, sign-up, change-password, reset-password, delete-user, the two-factor ones) per client
/// address, counted in the auth store so every gateway instance on it counts together (<see cref="LimitCredentialsAsync"/>);
/// the token refresh per address and per session with ASP.NET Core's in-memory rate limiter, per instance: the refresh is
/// the hottest path, and a store write on each one would cost more than a per-instance count loses (docs/scale-out.md).
/// The address is the socket's (or a configured trusted proxy's forwarded one).
/// </summary>
internal static class AuthRateLimiting
{
    private static readonly string[] CredentialPaths =
        [
            "/api/auth/sign-in/email", "/api/auth/sign-up/email", "/api/auth/change-password", "/api/auth/reset-password",
            "/api/auth/delete-user",
            "/api/auth/two-factor/enable", "/api/auth/two-factor/disable", "/api/auth/two-factor/get-totp-uri",
            "/api/auth/two-factor/qr-code", "/api/auth/two-factor/generate-backup-codes",
            "/api/auth/two-factor/verify-totp", "/api/auth/two-factor/verify-backup-code",
        ];

    /// <summary>Endpoints that send mail: limited per client address like Better Auth (3 per 60 s by default).</summary>
    private static readonly string[] MailPaths =
        ["/api/auth/request-password-reset", "/api/auth/forget-password", "/api/auth/send-verification-email"];

    private static readonly string[] TokenPaths = ["/api/auth/token", "/api/auth/get-session"];

    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddSingleton(options);
        services.AddSingleton<AccountLockout>();
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                throw new HttpProblemException(ApiErrors.TooManyRequests(retryAfter));
            };
            if (!options.Enabled)
            {
                return;
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Matches(context, TokenPaths)
                    ? Window($"token|{ClientAddress(context)}", options.TokenPermitsPerIp, options.TokenWindow)
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Matches(context, TokenPaths) && SessionKey(context) is { } session
                        ? Window($"session|{session}", options.TokenPermitsPerSession, options.TokenWindow)
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }

    /// <summary>
    /// Middleware: a credential request beyond <c>RateLimiting:CredentialPermitsPerIp</c> per <c>CredentialWindow</c> from
    /// one address gets 429 before anything else happens (no body read, no hashing).
    /// </summary>
    public static async Task LimitCredentialsAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<RateLimitingOptions>();
        if (options.Enabled && HttpMethods.IsPost(context.Request.Method) && Matches(context, CredentialPaths))
        {
            var hits = await context.RequestServices.GetRequiredService<RateLimitCounters>()
                .HitAsync($"credentials|{ClientAddress(context)}", options.CredentialWindow, context.RequestAborted);
            if (hits.Count > options.CredentialPermitsPerIp)
            {
                throw new HttpProblemException(ApiErrors.TooManyRequests(hits.RetryAfter));
            }
        }
        else if (options.Enabled && HttpMethods.IsPost(context.Request.Method) && Matches(context, MailPaths))
        {
            var hits = await context.RequestServices.GetRequiredService<RateLimitCounters>()
                .HitAsync($"mail|{ClientAddress(context)}", options.MailWindow, context.RequestAborted);
            if (hits.Count > options.MailPermitsPerIp)
            {
                throw new HttpProblemException(ApiErrors.TooManyRequests(hits.RetryAfter));
            }
        }

        await next(context);
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool Matches(HttpContext context, string[] paths)
    {
        var path = context.Request.Path;
        foreach (var candidate in paths)
        {
            if (path.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A short digest of whatever session credential the request carries (cookie or bearer), never the credential.</summary>
    private static string? SessionKey(HttpContext context)
    {
        var credential = context.Request.Headers.Authorization.ToString();
        if (credential.Length == 0)
        {
            credential = context.Request.Headers.Cookie.ToString();
        }

        return credential.Length == 0
            ? null
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), 0, 12);
    }
}
