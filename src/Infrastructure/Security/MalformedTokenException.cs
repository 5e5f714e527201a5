using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security;

/// <summary>A bearer token refused by <see cref="JwtPreValidator"/> before any signature work; the message names the check.</summary>
internal sealed class MalformedTokenException(string check) : SecurityTokenMalformedException($"Malformed token ({check}).");
