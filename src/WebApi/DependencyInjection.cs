using Microsoft.OpenApi;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Hosting.OpenApi;
using TodoClean.WebApi.Services;

namespace TodoClean.WebApi;

public static class DependencyInjection
{
    /// <summary>The API description's name for the JWT bearer credential.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>What only this host provides: the JWT caller and CORS for the browser UI's origin.</summary>
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : ["http://localhost:5100"];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match")
            .WithExposedHeaders("ETag", "Location")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.Configure<ApiDocumentOptions>(options =>
        {
            options.Title = "TodoClean API";
            options.Description =
                "The todo REST API. Every operation needs `Authorization: Bearer <jwt>`, a short-lived access token from the " +
                "auth gateway's `GET /api/auth/token`. Errors are RFC 9457 problem details (`application/problem+json`) " +
                "with the request's `traceId`; validation problems list field messages under `errors`.";
            options.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description =
                    "A JWT from the auth gateway or a Better Auth server (`GET /api/auth/token`), valid for minutes: HS256 with " +
                    "the shared secret, or EdDSA/ES256/ES512/PS256/RS256 with a key from `Jwt:JwksUrl`. Issuer, audience, expiry " +
                    "and signature are checked, and each key verifies one algorithm only, as RFC8725 (JWT best current practices) advises.",
            };
            options.AuthorizationSchemes.Add(BearerScheme);
            options.CommonResponseHeaders["Access-Control-Allow-Origin"] =
                "Sent to browsers when the request's `Origin` is one of `Cors:AllowedOrigins`; never `*`.";
        });
        return services;
    }
}
