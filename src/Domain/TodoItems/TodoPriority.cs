namespace TodoClean.Domain.TodoItems;

public enum TodoPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
}
