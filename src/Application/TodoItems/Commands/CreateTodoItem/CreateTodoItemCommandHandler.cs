using AutoMapper;
using Mediator;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.Users.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Commands.CreateTodoItem;

internal sealed class CreateTodoItemCommandHandler(
    ITodoDbContext db, UserProvisioner provisioner, IMapper mapper, TimeProvider timeProvider)
    : ICommandHandler<CreateTodoItemCommand, TodoItemDto>
{
    public async ValueTask<TodoItemDto> Handle(CreateTodoItemCommand command, CancellationToken cancellationToken)
    {
        var owner = await provisioner.EnsureAsync(cancellationToken);
        var item = TodoItem.Create(
            owner.Id, command.Title!, command.Description, command.DueAt, command.Priority ?? TodoPriority.Normal,
            timeProvider.GetUtcNow().UtcDateTime);
        db.TodoItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<TodoItemDto>(item);
    }
}
