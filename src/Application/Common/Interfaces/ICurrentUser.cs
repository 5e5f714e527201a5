namespace TodoClean.Application.Common.Interfaces;

/// <summary>The caller of the todo API, as its validated JWT describes them.</summary>
public interface ICurrentUser
{
    /// <summary>The gateway's user id (JWT <c>sub</c>). Throws when nobody is authenticated.</summary>
    string Id { get; }

    string Email { get; }

    string Name { get; }
}
