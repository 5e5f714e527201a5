using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Commands.UpdateTodoItem;

internal sealed class UpdateTodoItemCommandHandler(
    ITodoDbContext db, ICurrentUser currentUser, IMapper mapper, TimeProvider timeProvider)
    : ICommandHandler<UpdateTodoItemCommand, TodoItemDto>
{
    public async ValueTask<TodoItemDto> Handle(UpdateTodoItemCommand command, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.Id;
        var item = await db.TodoItems.FirstOrDefaultAsync(t => t.Id == command.Id && t.OwnerId == ownerId, cancellationToken)
            ?? throw new NotFoundException("todo");

        if (command.ExpectedVersion is { } expected && expected != item.Version)
        {
            throw new PreconditionFailedException(
                $"This todo was changed elsewhere (now version {item.Version}). Reload it and try again.");
        }

        item.Update(
            command.Title!, command.Description, command.IsDone!.Value, command.DueAt,
            command.Priority ?? item.Priority, timeProvider.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException("This todo was changed at the same time elsewhere. Reload it and try again.");
        }

        return mapper.Map<TodoItemDto>(item);
    }
}
