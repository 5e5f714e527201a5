using FluentValidation;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Common;

/// <summary>The writable fields' rules, shared by create and update.</summary>
internal static class TodoItemRules
{
    public static void Title<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Title must not be empty.")
        .Must(t => t is null || t.Trim().Length <= TodoItem.MaxTitleLength)
        .WithMessage($"Title must be at most {TodoItem.MaxTitleLength} characters.");

    public static void Description<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(TodoItem.MaxDescriptionLength)
        .WithMessage($"Description must be at most {TodoItem.MaxDescriptionLength} characters.");

    public static void Priority<T>(this IRuleBuilder<T, TodoPriority?> rule) => rule
        .IsInEnum().WithMessage("Priority must be one of: low, normal, high.");
}
