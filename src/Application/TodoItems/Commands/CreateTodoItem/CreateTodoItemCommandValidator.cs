using FluentValidation;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Commands.CreateTodoItem;

internal sealed class CreateTodoItemCommandValidator : AbstractValidator<CreateTodoItemCommand>
{
    public CreateTodoItemCommandValidator()
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).Description();
        RuleFor(x => x.Priority).Priority();
    }
}
