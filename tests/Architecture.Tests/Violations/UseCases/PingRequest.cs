using Mediator;

namespace TodoClean.Architecture.Tests.Violations.UseCases;

/// <summary>Deliberate violation: a plain request named neither <c>…Command</c> nor <c>…Query</c>.</summary>
public sealed record PingRequest(string? Message) : IRequest<string>;
