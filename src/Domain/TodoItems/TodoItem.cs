using TodoClean.Domain.Common;

namespace TodoClean.Domain.TodoItems;

/// <summary>A todo that belongs to exactly one user, for ever.</summary>
public sealed class TodoItem
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    private TodoItem()
    {
    }

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public bool IsDone { get; private set; }
    public TodoPriority Priority { get; private set; }
    public DateTime? DueAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    /// <summary>Optimistic-concurrency version: starts at 1 and grows by one on every change.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// The title, then the description, case-folded (<see cref="Fold"/>) and separated by a line break: what searches
    /// and the title order compare, the same on every store whatever its own collation does with non-ASCII text.
    /// </summary>
    public string SearchKey { get; private set; } = string.Empty;

    /// <summary>Text as searches compare it: lower case by Unicode's invariant rules ("Été" and "été" are equal).</summary>
    public static string Fold(string text) => text.ToLowerInvariant();

    public static TodoItem Create(
        string ownerId, string title, string? description, DateTime? dueAt, TodoPriority priority, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            throw new ArgumentException("A todo needs an owner.", nameof(ownerId));
        }

        return new TodoItem
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            DueAt = dueAt,
            Priority = priority,
            CreatedAt = Guard.Utc(now),
            UpdatedAt = now,
            Version = 1,
        }.WithText(title, description);
    }

    public void Update(string title, string? description, bool isDone, DateTime? dueAt, TodoPriority priority, DateTime now)
    {
        WithText(title, description);
        DueAt = dueAt;
        Priority = priority;
        if (isDone != IsDone)
        {
            IsDone = isDone;
            CompletedAt = isDone ? Guard.Utc(now) : null;
        }

        UpdatedAt = Guard.Utc(now);
        Version++;
    }

    private TodoItem WithText(string title, string? description)
    {
        Title = Guard.RequiredText(title, "title", MaxTitleLength);
        Description = Guard.OptionalText(description, "description", MaxDescriptionLength);
        SearchKey = Fold(Title) + "\n" + Fold(Description ?? string.Empty);
        return this;
    }
}
