using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Users.Queries.GetMe;
using TodoClean.Domain.Users;

namespace TodoClean.Application.Users.Common;

/// <summary>
/// Just-in-time provisioning of the todo API's user mirror, keyed by the gateway's user id (the JWT <c>sub</c>):
/// created on the first authenticated call that needs it, refreshed when a newer token says something else. The common
/// case — the user is there and unchanged — is one read and no write.
/// </summary>
internal sealed class UserProvisioner(ITodoDbContext db, IUserQueries users, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<MeDto> EnsureAsync(CancellationToken cancellationToken)
    {
        var id = currentUser.Id;
        if (await users.FindAsync(id, cancellationToken) is { } known)
        {
            return known.Email == User.NormalizeEmail(currentUser.Email) && known.Name == currentUser.Name
                ? known
                : await SyncAsync(id, cancellationToken);
        }

        var user = User.Create(id, currentUser.Email, currentUser.Name, image: null, timeProvider.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new MeDto(user.Id, user.Email, user.Name, user.CreatedAt);
        }
        catch (DbUpdateException e)
        {
            // A parallel first request provisioned the same id: use that row instead.
            db.Users.Entry(user).State = EntityState.Detached;
            return await users.FindAsync(id, cancellationToken)
                ?? throw new InvalidOperationException("The user mirror could not be provisioned.", e);
        }
    }

    private async Task<MeDto> SyncAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstAsync(u => u.Id == id, cancellationToken);
        if (user.SyncFrom(currentUser.Email, currentUser.Name, timeProvider.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new MeDto(user.Id, user.Email, user.Name, user.CreatedAt);
    }
}
