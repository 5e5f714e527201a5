using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>A valid token whose session ended (or whose user's tokens were all revoked) before it expired.</summary>
internal sealed class RevokedTokenException() : SecurityTokenException("The token was revoked.");
