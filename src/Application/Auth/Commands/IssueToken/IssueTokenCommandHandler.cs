using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.IssueToken;

internal sealed class IssueTokenCommandHandler(SessionStore sessions, ITokenIssuer issuer)
    : ICommandHandler<IssueTokenCommand, AccessToken>
{
    public async ValueTask<AccessToken> Handle(IssueTokenCommand command, CancellationToken cancellationToken)
    {
        // Using the session renews it when due, as Better Auth's session middleware does: someone who only refreshes
        // tokens is still active.
        var live = await sessions.FindLiveAsync(command.SessionToken, cancellationToken, refresh: !command.DisableRefresh)
            ?? throw new AuthException(AuthErrors.Unauthorized);
        var user = live.User;
        return issuer.Issue(new TokenSubject(user.Id, live.Session.Id, user.Email, user.Name, user.EmailVerified, user.Image,
            live.Session.ExpiresAt));
    }
}
