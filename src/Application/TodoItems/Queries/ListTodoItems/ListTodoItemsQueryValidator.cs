using FluentValidation;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

internal sealed class ListTodoItemsQueryValidator : AbstractValidator<ListTodoItemsQuery>
{
    public ListTodoItemsQueryValidator()
    {
        RuleFor(x => x.Status)
            .Must(s => s is null || ListTodoItemsQuery.Statuses.Contains(s))
            .WithMessage($"Status must be one of: {string.Join(", ", ListTodoItemsQuery.Statuses)}.");
        RuleFor(x => x.Sort)
            .Must(s => s is null || ListTodoItemsQuery.Sorts.Contains(s))
            .WithMessage($"Sort must be one of: {string.Join(", ", ListTodoItemsQuery.Sorts)}.");
        RuleFor(x => x.Page).InclusiveBetween(1, 1_000_000).WithMessage("Page must be between 1 and 1000000.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListTodoItemsQuery.MaxPageSize)
            .WithMessage($"Page size must be between 1 and {ListTodoItemsQuery.MaxPageSize}.");
        RuleFor(x => x.Search).MaximumLength(ListTodoItemsQuery.MaxSearchLength)
            .WithMessage($"Search must be at most {ListTodoItemsQuery.MaxSearchLength} characters.");
    }
}
