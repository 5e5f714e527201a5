using FluentValidation;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Commands.UpdateTodoItem;

internal sealed class UpdateTodoItemCommandValidator : AbstractValidator<UpdateTodoItemCommand>
{
    public UpdateTodoItemCommandValidator()
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).Description();
        RuleFor(x => x.Priority).Priority();
    }
}
