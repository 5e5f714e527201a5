using FluentValidation;
using TodoClean.Application.Common.Validation;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Common;

/// <summary>
/// The writable fields' rules, shared by create and update. Built from validators whose limits can be read back
/// (<c>IValidator.CreateDescriptor()</c>), so the API description states the same limits.
/// </summary>
internal static class TodoItemRules
{
    /// <summary>Required and not blank; at most <see cref="TodoItem.MaxTitleLength"/> characters once trimmed.</summary>
    public static void Title<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Title must not be empty.")
        .SetValidator(new TrimmedLengthValidator<T>(TodoItem.MaxTitleLength))
        .WithMessage($"Title must be at most {TodoItem.MaxTitleLength} characters.");

    public static void Description<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(TodoItem.MaxDescriptionLength)
        .WithMessage($"Description must be at most {TodoItem.MaxDescriptionLength} characters.");

    public static void Priority<T>(this IRuleBuilder<T, TodoPriority?> rule) => rule
        .IsInEnum().WithMessage("Priority must be one of: low, normal, high.");
}
