using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>Plumbing both hosts share: logging, errors, JSON, health, API docs, endpoint discovery.</summary>
public static class HostDefaults
{
    /// <summary>
    /// Maps an environment alias onto a configuration key (e.g. <c>FRONTEND_JWT_SECRET</c> → <c>Jwt:Secret</c>) when
    /// the key itself is not set.
    /// </summary>
    public static IConfigurationManager AddEnvironmentAlias(this IConfigurationManager configuration, string variable, string key)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value) && string.IsNullOrEmpty(configuration[key]))
        {
            configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]);
        }

        return configuration;
    }

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder)
    {
        var maxBody = MaxRequestBodyBytes(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = maxBody;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, builder.Configuration));
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures become exceptions so the one handler answers them (instead of a bare 400).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));

        builder.Services.AddApiDocument();
        builder.Services.AddSingleton<StoreGate>();
        return builder;
    }

    /// <summary>Requests carry small JSON documents; anything larger is refused with 413 before it is read.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    /// <summary><c>Limits:MaxRequestBodyBytes</c>, else <see cref="DefaultMaxRequestBodyBytes"/>.</summary>
    public static long MaxRequestBodyBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes;

    /// <summary>
    /// <c>X-Forwarded-For</c>/<c>-Proto</c> count only from the proxies in <c>ForwardedHeaders:KnownProxies</c>. The
    /// framework trusts loopback by default; that is cleared, so with no configuration a client cannot spoof its address.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            if (System.Net.IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
        }
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeJsonConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        // Numbers are JSON numbers (the web defaults also read "5" as 5): no request body has a numeric member, and the
        // API description then says "integer" instead of "integer or numeric string".
        options.NumberHandling = JsonNumberHandling.Strict;
        // Source-generated metadata first; everything else by reflection (ASP.NET's options already carry that
        // resolver, fresh options do not).
        var reflection = options.TypeInfoResolverChain.Count == 0;
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        if (reflection)
        {
            options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        }
    }

    /// <summary>The exception handler first, so it wraps everything after it.</summary>
    public static WebApplication UseHostDefaults(this WebApplication app)
    {
        app.Use(AddSecurityHeaders);
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            // Empty trust lists would mean "trust every proxy" to the middleware: only run it when proxies are named.
            app.UseForwardedHeaders();
        }

        // Request logging outside the exception handler, so it records the status the client really got.
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms for {ClientIp}";
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
            o.GetLevel = RequestLogLevel;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (ApiErrors.ForStatus(http.Response.StatusCode, http.Request.Method) is { } error)
            {
                await ApiErrorResponse.WriteAsync(http, error);
            }
        });
        app.Use(app.Services.GetRequiredService<StoreGate>().InvokeAsync);

        return app;
    }

    /// <summary>
    /// Serilog's levels (a failure is an error, anything else information), except that the answers machines poll for —
    /// health probes and the revocation feed the API asks every second — are debug entries while they succeed, so
    /// they do not bury the requests people make.
    /// </summary>
    private static LogEventLevel RequestLogLevel(HttpContext http, double elapsedMs, Exception? exception) =>
        exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Response.StatusCode < 400 && (http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/internal"))
            ? LogEventLevel.Debug
            : LogEventLevel.Information;

    /// <summary>
    /// Headers every response gets unless an endpoint set its own (the UI sets its page CSP): no MIME sniffing, no
    /// referrer, no framing; API responses get a CSP that allows nothing. The interactive docs keep their defaults.
    /// </summary>
    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy") && !http.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    public static WebApplication MapHostEndpoints(this WebApplication app, Assembly endpointAssembly)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new HealthResponse(
                report.Status.ToString(),
                report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)))),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        // Liveness without I/O: up as soon as the host serves requests (start-up probes, the load test's ceiling).
        app.MapGet("/alive", static () => TypedResults.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();

        // The groups' endpoints, each with the error responses its pipeline can give in its metadata (API description).
        var endpoints = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)endpoints).Finally(ApiResponseConventions.Apply);
        foreach (var type in endpointAssembly.GetExportedTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEndpointGroup).IsAssignableFrom(t)))
        {
            ((IEndpointGroup)Activator.CreateInstance(type)!).Map(endpoints);
        }

        return app;
    }

    /// <summary><c>{"status": …, "checks": {name: {status, description}}}</c>: the overall status first, as clients read it.</summary>
    private sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

    private sealed record HealthCheckResponse(string Status, string? Description);
}
