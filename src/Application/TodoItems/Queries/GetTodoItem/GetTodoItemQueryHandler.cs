using AutoMapper;
using AutoMapper.QueryableExtensions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Queries.GetTodoItem;

internal sealed class GetTodoItemQueryHandler(ITodoDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IQueryHandler<GetTodoItemQuery, TodoItemDto>
{
    public async ValueTask<TodoItemDto> Handle(GetTodoItemQuery query, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.Id;
        return await db.TodoItems.AsNoTracking()
                .Where(t => t.Id == query.Id && t.OwnerId == ownerId)
                .ProjectTo<TodoItemDto>(mapper.ConfigurationProvider)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("todo");
    }
}
