using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Exceptions;

/// <summary>
/// The resource does not exist, or belongs to somebody else: the caller cannot tell which. <paramref name="resource"/> is
/// the word a user knows it by ("todo"), so the message reads "The todo was not found.".
/// </summary>
public sealed class NotFoundException(string resource) : RefusedException($"The {resource} was not found.")
{
    public string Resource { get; } = resource;
}
