using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoClean.Application.Auth.Commands.RevokeOtherSessions;
using TodoClean.Application.Auth.Commands.RevokeSession;
using TodoClean.Application.Auth.Commands.RevokeSessions;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.ListSessions;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>Better Auth's session management: the caller's devices and revoking them, effective at once.</summary>
public sealed class Sessions : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sessions");
        group.MapGet("/list-sessions", List).WithName("ListSessions")
            .WithSummary("Your sessions")
            .WithDescription("The caller's live sessions (devices). Needs a fresh session, else 403 `SESSION_NOT_FRESH`.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/revoke-session", Revoke).WithName("RevokeSession")
            .WithSummary("End one session")
            .WithDescription("Ends the caller's session with the given token, effective at once; ending the current one clears the cookies.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/revoke-sessions", RevokeAll).WithName("RevokeSessions")
            .WithSummary("End all your sessions")
            .WithDescription("Ends every session of the caller, this one included, and clears the cookies.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/revoke-other-sessions", RevokeOthers).WithName("RevokeOtherSessions")
            .WithSummary("End your other sessions")
            .WithDescription("Ends every session of the caller except this one.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<IReadOnlyList<SessionDto>>> List(
        ISender sender, SessionCookies cookies, HttpContext context, CancellationToken cancellationToken)
    {
        SessionCookies.NoStore(context.Response);
        return TypedResults.Ok(await sender.Send(new ListSessionsQuery(cookies.ReadToken(context.Request)), cancellationToken));
    }

    public static async Task<Ok<StatusResponse>> Revoke(
        ISender sender, SessionCookies cookies, HttpContext context, RevokeSessionRequest body, CancellationToken cancellationToken)
    {
        var revokedCurrent = await sender.Send(
            new RevokeSessionCommand(cookies.ReadToken(context.Request), body.Token), cancellationToken);
        if (revokedCurrent)
        {
            cookies.Clear(context.Response);
        }

        return TypedResults.Ok(new StatusResponse(true));
    }

    public static async Task<Ok<StatusResponse>> RevokeAll(
        ISender sender, SessionCookies cookies, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeSessionsCommand(cookies.ReadToken(context.Request)), cancellationToken);
        cookies.Clear(context.Response);
        return TypedResults.Ok(new StatusResponse(true));
    }

    public static async Task<Ok<StatusResponse>> RevokeOthers(
        ISender sender, SessionCookies cookies, HttpContext context, CancellationToken cancellationToken)
    {
        await sender.Send(new RevokeOtherSessionsCommand(cookies.ReadToken(context.Request)), cancellationToken);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
