using Microsoft.OpenApi;
using TodoClean.AuthGateway.Endpoints;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.AuthGateway;

public static class DependencyInjection
{
    /// <summary>What only this host provides: Better Auth's cookies and error dialect, and the browser UI's settings.</summary>
    public static IServiceCollection AddAuthGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName))
            .Validate(o => o.BaseUrl is null || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _),
                "Auth:BaseUrl must be an absolute URL such as http://localhost:5100.")
            .ValidateOnStart();
        services.AddOptions<UiOptions>().Bind(configuration.GetSection(UiOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri)
                           && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                "Ui:ApiBaseUrl must be an absolute http(s) URL such as http://localhost:5200.")
            .ValidateOnStart();
        services.AddSingleton<SessionCookies>();
        services.AddSingleton<TrustedOrigins>();
        services.AddSingleton<TodoClean.Application.Auth.Common.IEmailVerificationTokens, EmailVerificationTokens>();
        services.AddAuthRateLimiting(configuration);
        services.AddSingleton<IApiErrorWriter, BetterAuthErrorWriter>();
        services.AddOptions<ApiDocumentOptions>().Configure<SessionCookies>(DescribeApi);
        return services;
    }

    private static void DescribeApi(ApiDocumentOptions options, SessionCookies cookies)
    {
        options.Title = "TodoClean auth gateway";
        options.Description =
            "Better Auth's email and password endpoints, wire-compatible with its client: sign-up, sign-in, sessions, " +
            "account management, and `GET /api/auth/token`, which mints the short-lived JWT the todo API accepts. A session " +
            "is presented as `Authorization: Bearer <session token>` (from `set-auth-token`) or as the session cookie. " +
            "Errors under `/api/auth` are Better Auth's `{\"message\", \"code\"}`; an unknown route is a 404 with no body.";
        options.SecuritySchemes[AuthApiDescription.SessionTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description =
                "The session token from the `set-auth-token` header of sign-up or sign-in (Better Auth's bearer plugin). " +
                "An opaque signed token, not a JWT; it lives as long as the session.",
        };
        options.SecuritySchemes[AuthApiDescription.SessionCookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.CookieName,
            Description = "The signed, HttpOnly session cookie that sign-up and sign-in set; what browsers send.",
        };
    }

    /// <summary>Better Auth's request rules: a known path with the wrong method is an unknown route (404), and
    /// state-changing requests pass the origin check. The browser UI's pages and assets get their security headers.</summary>
    public static WebApplication UseAuthGateway(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Routes are exact, as in Better Auth: "/api/auth/ok/" is not "/api/auth/ok".
            if (context.Request.Path.StartsWithSegments("/api/auth") && context.Request.Path.Value!.EndsWith('/'))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted
                && context.Request.Path.StartsWithSegments("/api/auth"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.Headers.Allow = default;
            }
        });
        app.Use(AuthRateLimiting.LimitCredentialsAsync);
        app.UseRateLimiter();
        app.UseMiddleware<OriginCheckMiddleware>();
        app.Use(SessionCookies.ResendRenewedAsync);
        app.UseMiddleware<UiSecurityHeaders>();
        return app;
    }
}
