namespace TodoClean.Domain.Exceptions;

/// <summary>An entity refused a change that would break one of its invariants.</summary>
public sealed class DomainException(string field, string message) : RefusedException(message)
{
    /// <summary>The camelCase name of the field the rule is about, as clients know it.</summary>
    public string Field { get; } = field;
}
