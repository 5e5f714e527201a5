using Mediator;
using TodoClean.Application.Users.Common;

namespace TodoClean.Application.Users.Queries.GetMe;

internal sealed class GetMeQueryHandler(UserProvisioner provisioner) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken) =>
        await provisioner.EnsureAsync(cancellationToken);
}
