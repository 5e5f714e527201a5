using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Persistence;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Users.Common;

/// <summary>
/// Just-in-time provisioning of the todo API's user mirror, keyed by the gateway's user id (the JWT <c>sub</c>):
/// created on the first authenticated call that needs it, refreshed when a newer token says something else.
/// </summary>
internal sealed class UserProvisioner(ITodoDbContext db, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<User> EnsureAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var context = (DbContext)db;
        var user = await ById.For(context)(context, currentUser.Id, cancellationToken);
        if (user is not null)
        {
            if (user.SyncFrom(currentUser.Email, currentUser.Name, now))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return user;
        }

        user = User.Create(currentUser.Id, currentUser.Email, currentUser.Name, image: null, now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException)
        {
            // A parallel first request provisioned the same id: use that row instead.
            db.Users.Entry(user).State = EntityState.Detached;
            return await ById.For(context)(context, currentUser.Id, cancellationToken) ?? throw new InvalidOperationException(
                "The user mirror could not be provisioned.");
        }
    }

    // Every write and GET /api/me starts here: compiled once (FindAsync builds and looks up a new query each call), tracked
    // so SyncFrom's changes are saved.
    private static readonly CompiledPerModel<Func<DbContext, string, CancellationToken, Task<User?>>> ById =
        new(() => EF.CompileAsyncQuery((DbContext context, string id, CancellationToken _) =>
            context.Set<User>().FirstOrDefault(u => u.Id == id)));
}
