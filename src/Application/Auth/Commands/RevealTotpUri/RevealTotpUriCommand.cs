using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevealTotpUri;

/// <summary>
/// The caller's enrolment URI again (to show the QR code or key once more), after checking their password. A command,
/// not a query: it reveals a secret behind a password check whose failures count towards the account lockout.
/// </summary>
public sealed record RevealTotpUriCommand(string? SessionToken, string? Password) : ICommand<string>, ISensitiveRequest;
