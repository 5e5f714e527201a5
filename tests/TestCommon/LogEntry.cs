using Microsoft.Extensions.Logging;

namespace TodoClean.TestCommon;

/// <summary>One captured log call: the rendered message and the structured values it carried.</summary>
public sealed record LogEntry(
    string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Properties, Exception? Exception)
{
    /// <summary>Everything a sink could write for this entry: the message, each value rendered, the exception.</summary>
    public string AllText =>
        string.Join('\n', [Message, .. Properties.Select(p => $"{p.Key}={p.Value}"), Exception?.ToString() ?? string.Empty]);
}
