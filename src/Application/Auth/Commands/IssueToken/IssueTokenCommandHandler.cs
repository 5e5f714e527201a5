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
        if (await sessions.FindLiveAsync(command.SessionToken, cancellationToken) is not { } live)
        {
            throw new AuthException(AuthErrors.Unauthorized);
        }

        var (session, user) = live;

        return issuer.Issue(new TokenSubject(user.Id, session.Id, user.Email, user.Name, user.EmailVerified, user.Image));
    }
}
