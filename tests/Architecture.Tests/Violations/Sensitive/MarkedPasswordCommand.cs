using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Violations.Sensitive;

/// <summary>Compliant: carries a password and says so.</summary>
public sealed record MarkedPasswordCommand(string? Password) : ICommand<bool>, ISensitiveRequest;
