using Mediator;

namespace TodoClean.Application.Auth.Queries.GetRevocations;

internal sealed class GetRevocationsQueryHandler(IRevocationQueries revocations, TimeProvider timeProvider)
    : IQueryHandler<GetRevocationsQuery, RevocationFeed>
{
    public async ValueTask<RevocationFeed> Handle(GetRevocationsQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var entries = await revocations.ListAsync(
            Math.Max(0, query.After), now - GetRevocationsQuery.Overlap, now, GetRevocationsQuery.PageSize, cancellationToken);
        var cursor = entries.Count == 0 ? query.After : Math.Max(query.After, entries[^1].Sequence);
        return new RevocationFeed(entries, cursor, entries.Count == GetRevocationsQuery.PageSize);
    }
}
