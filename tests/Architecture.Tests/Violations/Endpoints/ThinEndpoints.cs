using Mediator;
using TodoClean.Application.Users.Queries.GetMe;

namespace TodoClean.Architecture.Tests.Violations.Endpoints;

/// <summary>Compliant: builds a query and sends it. The endpoint rule must leave it alone.</summary>
internal static class ThinEndpoints
{
    public static ValueTask<MeDto> GetMe(ISender sender, CancellationToken cancellationToken) =>
        sender.Send(new GetMeQuery(), cancellationToken);
}
