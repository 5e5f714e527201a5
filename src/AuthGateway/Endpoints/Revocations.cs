using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Infrastructure.Hosting;
using TodoClean.Infrastructure.Security.Revocation;

namespace TodoClean.AuthGateway.Endpoints;

/// <summary>
/// The revocation feed for the API instances (not part of Better Auth's API): which JWTs to refuse before they expire.
/// Only a caller holding the feed key may read it.
/// </summary>
public sealed class Revocations : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/internal/revocations", Feed).WithName("RevocationFeed").ExcludeFromDescription();

    public static async Task<Ok<RevocationFeed>> Feed(
        ISender sender, RevocationFeedKey key, HttpContext context, long? after, CancellationToken cancellationToken)
    {
        if (!key.Accepts(context.Request.Headers.Authorization))
        {
            throw new HttpProblemException(new ApiError(
                StatusCodes.Status401Unauthorized, "Unauthorized", "The revocation feed needs its key.", "UNAUTHORIZED"));
        }

        return TypedResults.Ok(await sender.Send(new GetRevocationsQuery(after ?? 0), cancellationToken));
    }
}
