using TodoClean.Application.Common.Interfaces;
using TodoClean.WebApi.Services;

namespace TodoClean.WebApi;

public static class DependencyInjection
{
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
        return services;
    }
}
