using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.WebApi.Services;

/// <summary>The caller as the validated JWT describes them (inbound claims are not renamed: <c>sub</c> stays <c>sub</c>).</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Id => Claim("sub") ?? throw new UnauthenticatedException();

    public string Email => Claim("email") ?? string.Empty;

    public string Name => Claim("name") ?? string.Empty;

    private string? Claim(string type) =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user.FindFirst(type)?.Value : null;
}
