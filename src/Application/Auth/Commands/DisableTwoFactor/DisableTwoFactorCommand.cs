using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.DisableTwoFactor;

/// <summary>
/// Turn two-factor sign-in off after checking the password: the enrolment (secret and backup codes), the pending
/// challenges and every trusted device of the user are deleted. Returns the user as stored now.
/// </summary>
public sealed record DisableTwoFactorCommand(string? SessionToken, string? Password) : ICommand<UserDto>, ISensitiveRequest;
