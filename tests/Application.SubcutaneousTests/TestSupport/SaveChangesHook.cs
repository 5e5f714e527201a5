using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TodoClean.Application.SubcutaneousTests.TestSupport;

/// <summary>Runs an action once, just before the next SaveChanges writes: a way to simulate a concurrent writer.</summary>
public sealed class SaveChangesHook : SaveChangesInterceptor
{
    public Func<Task>? BeforeNextSave { get; set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (BeforeNextSave is { } action)
        {
            BeforeNextSave = null;
            await action();
        }

        return result;
    }
}
