namespace TodoClean.Application.Common.Exceptions;

/// <summary>The resource does not exist, or belongs to somebody else: the caller cannot tell which.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}
