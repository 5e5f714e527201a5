using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Users.Commands.ForgetUser;

internal sealed class ForgetUserCommandHandler(ITodoDbContext db, ILogger<ForgetUserCommandHandler> logger)
    : ICommandHandler<ForgetUserCommand, int>
{
    public async ValueTask<int> Handle(ForgetUserCommand command, CancellationToken cancellationToken)
    {
        var (todos, mirror) = await db.InTransactionAsync(async token =>
        {
            var removed = await db.TodoItems.Where(t => t.OwnerId == command.UserId).ExecuteDeleteAsync(token);
            var mirrors = await db.Users.Where(u => u.Id == command.UserId).ExecuteDeleteAsync(token);
            return (removed, mirrors);
        }, cancellationToken);

        if (todos > 0 || mirror > 0)
        {
            logger.LogInformation("Forgot deleted user {UserId}: {Count} todos removed", command.UserId, todos);
        }

        return todos;
    }
}
