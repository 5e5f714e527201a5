using Mediator;

namespace TodoClean.Architecture.Tests.Violations.Sensitive;

/// <summary>Deliberate violation: carries a password but is not an <c>ISensitiveRequest</c>, so it would be logged.</summary>
public sealed record ResetPasswordCommand(string? Email, string? NewPassword) : ICommand<bool>;
