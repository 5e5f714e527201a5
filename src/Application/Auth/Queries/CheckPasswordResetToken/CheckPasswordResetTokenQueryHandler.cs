using Mediator;
using TodoClean.Application.Common.Security;

namespace TodoClean.Application.Auth.Queries.CheckPasswordResetToken;

internal sealed class CheckPasswordResetTokenQueryHandler(IPasswordResetQueries resets, TimeProvider timeProvider)
    : IQueryHandler<CheckPasswordResetTokenQuery, bool>
{
    public async ValueTask<bool> Handle(CheckPasswordResetTokenQuery query, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(query.Token)
        && await resets.IsLiveAsync(SecureIds.HashToken(query.Token), timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
}
