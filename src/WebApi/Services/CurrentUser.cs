using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.WebApi.Services;

/// <summary>
/// The caller as the validated JWT describes them (inbound claims are not renamed: <c>sub</c> stays <c>sub</c>). The
/// gateway and Better Auth write the same user claims; the id is <c>sub</c>, or Better Auth's <c>id</c> without one.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Id => Claim("sub") ?? Claim("id") ?? throw new UnauthenticatedException();

    public string Email => Claim("email") ?? string.Empty;

    public string Name => Claim("name") ?? string.Empty;

    private string? Claim(string type) =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.FindFirst(type)?.Value : null;
}
