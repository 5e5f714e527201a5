using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;
using SessionEntity = TodoClean.Domain.Sessions.Session;
using TodoItemEntity = TodoClean.Domain.TodoItems.TodoItem;
using UserEntity = TodoClean.Domain.Users.User;

namespace TodoClean.TestCommon;

/// <summary>
/// Domain objects with valid defaults, all created at <see cref="Now"/> unless told otherwise: a test names only the
/// values it is about.
/// </summary>
public static class Entities
{
    /// <summary>When every factory here creates its object, unless given another time.</summary>
    public static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    public static UserEntity User(
        string id = "user-1", string email = "alice@example.com", string name = "Alice", string? image = null,
        DateTime? now = null) =>
        UserEntity.Create(id, email, name, image, now ?? Now);

    public static Account CredentialAccount(
        string id = "acc-1", string userId = "user-1", string passwordHash = "hash-1", DateTime? now = null) =>
        Account.CreateCredential(id, userId, passwordHash, now ?? Now);

    /// <summary>A remembered session of seven days, from a known address and user agent unless told otherwise.</summary>
    public static SessionEntity Session(
        string id = "session-1", string tokenHash = "token-hash", string userId = "user-1", DateTime? now = null,
        TimeSpan? lifetime = null, bool rememberMe = true, string? ipAddress = "203.0.113.7", string? userAgent = "xunit") =>
        SessionEntity.Start(id, tokenHash, userId, now ?? Now, lifetime ?? TimeSpan.FromDays(7), rememberMe, ipAddress, userAgent);

    public static TodoItemEntity TodoItem(
        string ownerId = "user-1", string title = "Buy milk", string? description = null, DateTime? dueAt = null,
        TodoPriority priority = TodoPriority.Normal, DateTime? now = null) =>
        TodoItemEntity.Create(ownerId, title, description, dueAt, priority, now ?? Now);

    /// <summary>
    /// <see cref="TodoItemEntity.Update"/> at <paramref name="now"/>, keeping the item's current value of every field not
    /// named. To clear the description or the due date, call <see cref="TodoItemEntity.Update"/> itself.
    /// </summary>
    public static void UpdateWith(
        this TodoItemEntity item, DateTime now, string? title = null, string? description = null, bool? isDone = null,
        DateTime? dueAt = null, TodoPriority? priority = null) =>
        item.Update(
            title ?? item.Title, description ?? item.Description, isDone ?? item.IsDone, dueAt ?? item.DueAt,
            priority ?? item.Priority, now);
}
