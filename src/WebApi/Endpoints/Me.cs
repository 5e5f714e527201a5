using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoClean.Application.Users.Queries.GetMe;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.WebApi.Endpoints;

public sealed class Me : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/me").WithTags("Me").RequireAuthorization()
            .MapGet("", GetMe).WithName("GetMe")
            .WithSummary("Who you are")
            .WithDescription("The caller's profile as the API knows it (from the access token); recorded on first use.");

    public static async Task<Ok<MeDto>> GetMe(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMeQuery(), cancellationToken));
}
