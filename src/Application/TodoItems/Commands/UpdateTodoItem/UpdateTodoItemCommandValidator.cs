using FluentValidation;
using TodoClean.Application.TodoItems.Common;

namespace TodoClean.Application.TodoItems.Commands.UpdateTodoItem;

internal sealed class UpdateTodoItemCommandValidator : AbstractValidator<UpdateTodoItemCommand>
{
    public UpdateTodoItemCommandValidator()
    {
        RuleFor(x => x.Title).Title();
        // A PUT replaces the item: whether it is done must be said (null or missing is not "false").
        RuleFor(x => x.IsDone).NotNull().WithMessage("isDone is required: true or false.");
        RuleFor(x => x.Description).Description();
        RuleFor(x => x.Priority).Priority();
    }
}
