using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Common;

/// <summary>Better Auth's <c>User</c> shape.</summary>
public sealed record UserDto(
    string Id, string Name, string Email, bool EmailVerified, string? Image, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static UserDto From(User user) =>
        new(user.Id, user.Name, user.Email, user.EmailVerified, user.Image, user.CreatedAt, user.UpdatedAt);
}
