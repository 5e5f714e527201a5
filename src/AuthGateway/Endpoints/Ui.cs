using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>
/// The browser UI: its pages (plain HTML from <c>wwwroot</c>, with the scripts and styles beside them served as
/// static files) and the one setting the scripts need, where the todo API lives. <see cref="UiSecurityHeaders"/>
/// adds the Content-Security-Policy and caching headers.
/// </summary>
public sealed class Ui : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("UI").ExcludeFromDescription();
        group.MapGet("/", (IWebHostEnvironment env) => Page(env, "index.html"));
        group.MapGet("/sign-in", (IWebHostEnvironment env) => Page(env, "sign-in.html"));
        group.MapGet("/sign-up", (IWebHostEnvironment env) => Page(env, "sign-up.html"));
        group.MapGet("/account", (IWebHostEnvironment env) => Page(env, "account.html"));
        group.MapGet("/forgot-password", (IWebHostEnvironment env) => Page(env, "forgot-password.html"));
        group.MapGet("/reset-password", (IWebHostEnvironment env) => Page(env, "reset-password.html"));
        group.MapGet("/ui-config.json", Config);
    }

    public static Results<PhysicalFileHttpResult, NotFound> Page(IWebHostEnvironment env, string file) =>
        env.WebRootFileProvider.GetFileInfo(file).PhysicalPath is { } path && File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8")
            : TypedResults.NotFound();

    /// <summary><c>{"apiBaseUrl": …}</c>: <c>Ui:ApiBaseUrl</c> without a trailing slash.</summary>
    public static Ok<UiConfigResponse> Config(IOptions<UiOptions> options) =>
        TypedResults.Ok(new UiConfigResponse(options.Value.ApiBaseUrl.TrimEnd('/')));

    public sealed record UiConfigResponse(string ApiBaseUrl);
}
