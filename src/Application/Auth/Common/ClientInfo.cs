namespace TodoClean.Application.Auth.Common;

/// <summary>Where a sign-in came from, recorded on the session for the user's device list.</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    public static readonly ClientInfo Unknown = new(null, null);
}
