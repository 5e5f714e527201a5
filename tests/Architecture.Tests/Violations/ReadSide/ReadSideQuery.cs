using Mediator;

namespace TodoClean.Architecture.Tests.Violations.ReadSide;

/// <summary>A query for the read-side fixtures.</summary>
public sealed record ReadSideQuery(string OwnerId) : IQuery<int>;
