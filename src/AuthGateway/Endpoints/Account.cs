using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoClean.Application.Auth.Commands.ChangePassword;
using TodoClean.Application.Auth.Commands.DeleteUser;
using TodoClean.Application.Auth.Commands.UpdateUser;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Security;
using TodoClean.AuthGateway.Services;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Hosting.OpenApi;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>Better Auth's account management: change the password, update the profile.</summary>
public sealed class Account : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Account");
        group.MapPost("/change-password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Change the password")
            .WithDescription(
                "Needs the current password. With `revokeOtherSessions: true` every other session ends and the caller gets " +
                "a new session (cookie, `set-auth-token`, and `token` in the body); otherwise `token` is null.")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new AccountLockoutFilter(
                c => c.HttpContext.RequestServices.GetRequiredService<SessionCookies>().ReadToken(c.HttpContext.Request) is { } token
                    ? $"session|{SecureIds.HashToken(token)}"
                    : null,
                AuthErrors.InvalidPassword.Code));
        group.MapPost("/update-user", UpdateUser).WithName("UpdateUser")
            .WithSummary("Update the profile")
            .WithDescription("Changes the name and/or image; the email cannot be changed here (400 if sent).")
            .RequiresSession()
            .ProducesAuthErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/delete-user", DeleteUser).WithName("DeleteUser")
            .WithSummary("Delete the account")
            .WithDescription(
                "Deletes the caller's user, account, sessions and reset links, and clears the session cookies. Needs the " +
                "`password` (400 `INVALID_PASSWORD`), or without one a session younger than `Auth:FreshAge` (400 " +
                "`SESSION_EXPIRED`). The todo API refuses the user's JWTs and deletes their todos within seconds.")
            .RequiresSession()
            .WithResponseHeader(StatusCodes.Status200OK, "Set-Cookie", "The three Better Auth cookies, expired.")
            .ProducesAuthErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .ProducesTooManyRequests()
            .AddEndpointFilter(new AccountLockoutFilter(
                c => c.HttpContext.RequestServices.GetRequiredService<SessionCookies>().ReadToken(c.HttpContext.Request) is { } token
                    ? $"session|{SecureIds.HashToken(token)}"
                    : null,
                AuthErrors.InvalidPassword.Code));
    }

    public static async Task<Ok<DeleteUserResponse>> DeleteUser(
        ISender sender, SessionCookies cookies, HttpContext context, DeleteUserRequest body, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteUserCommand(cookies.ReadToken(context.Request), body.Password), cancellationToken);
        cookies.Clear(context.Response);
        return TypedResults.Ok(new DeleteUserResponse(true, "User deleted"));
    }

    public static async Task<Ok<ChangePasswordResponse>> ChangePassword(
        ISender sender, SessionCookies cookies, HttpContext context, ChangePasswordRequest body, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ChangePasswordCommand(
            cookies.ReadToken(context.Request), body.CurrentPassword, body.NewPassword, body.RevokeOtherSessions ?? false,
            Auth.Client(context)), cancellationToken);
        if (result.NewSession is { } session)
        {
            cookies.Write(context.Response, session);
        }

        return TypedResults.Ok(new ChangePasswordResponse(result.NewSession?.Token, result.User));
    }

    public static async Task<Ok<StatusResponse>> UpdateUser(
        ISender sender, SessionCookies cookies, HttpContext context, UpdateUserRequest body, CancellationToken cancellationToken)
    {
        var emailGiven = body.Email is { ValueKind: not JsonValueKind.Null };
        var session = await sender.Send(
            new UpdateUserCommand(cookies.ReadToken(context.Request), body.Name, body.Image, emailGiven), cancellationToken);
        cookies.Write(context.Response, session);
        return TypedResults.Ok(new StatusResponse(true));
    }
}
