using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.TodoItems.Commands.DeleteTodoItem;

internal sealed class DeleteTodoItemCommandHandler(ITodoDbContext db, ICurrentUser currentUser)
    : ICommandHandler<DeleteTodoItemCommand>
{
    public async ValueTask<Unit> Handle(DeleteTodoItemCommand command, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.Id;
        var deleted = await db.TodoItems
            .Where(t => t.Id == command.Id && t.OwnerId == ownerId)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? throw new NotFoundException("todo") : Unit.Value;
    }
}
