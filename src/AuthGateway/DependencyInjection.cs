using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;

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
        services.AddAuthRateLimiting(configuration);
        services.AddSingleton<IApiErrorWriter, BetterAuthErrorWriter>();
        return services;
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
