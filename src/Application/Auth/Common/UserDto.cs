using TodoClean.Domain.Users;

namespace TodoClean.Application.Auth.Common;

/// <summary>Better Auth's <c>User</c> shape, with the two-factor plugin's <c>twoFactorEnabled</c>.</summary>
public sealed record UserDto(
    string Id, string Name, string Email, bool EmailVerified, string? Image, DateTime CreatedAt, DateTime UpdatedAt,
    bool TwoFactorEnabled)
{
    public static UserDto From(User user) =>
        new(user.Id, user.Name, user.Email, user.EmailVerified, user.Image, user.CreatedAt, user.UpdatedAt, user.TwoFactorEnabled);
}
