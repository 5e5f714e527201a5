using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.GenerateBackupCodes;

/// <summary>Replace the caller's backup codes with ten new ones after checking the password; the old ones stop working.</summary>
public sealed record GenerateBackupCodesCommand(string? SessionToken, string? Password)
    : ICommand<IReadOnlyList<string>>, ISensitiveRequest;
