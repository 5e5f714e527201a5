using FluentValidation;
using TodoClean.Application.Common.Validation;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

internal sealed class ListTodoItemsQueryValidator : AbstractValidator<ListTodoItemsQuery>
{
    public ListTodoItemsQueryValidator()
    {
        RuleFor(x => x.Status)
            .SetValidator(new AllowedValuesValidator<ListTodoItemsQuery>(ListTodoItemsQuery.Statuses))
            .WithMessage($"Status must be one of: {string.Join(", ", ListTodoItemsQuery.Statuses)}.");
        RuleFor(x => x.Sort)
            .SetValidator(new AllowedValuesValidator<ListTodoItemsQuery>(ListTodoItemsQuery.Sorts))
            .WithMessage($"Sort must be one of: {string.Join(", ", ListTodoItemsQuery.Sorts)}.");
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithMessage("Page must be between 1 and 1000000.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListTodoItemsQuery.MaxPageSize)
            .WithMessage($"Page size must be between 1 and {ListTodoItemsQuery.MaxPageSize}.");
        RuleFor(x => x.Search).MaximumLength(ListTodoItemsQuery.MaxSearchLength)
            .WithMessage($"Search must be at most {ListTodoItemsQuery.MaxSearchLength} characters.");
    }
}
