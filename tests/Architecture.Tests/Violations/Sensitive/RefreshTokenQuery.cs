using Mediator;

namespace TodoClean.Architecture.Tests.Violations.Sensitive;

/// <summary>Deliberate violation: carries a token but is not an <c>ISensitiveRequest</c>.</summary>
public sealed record RefreshTokenQuery(string? RefreshToken) : IQuery<string>;
