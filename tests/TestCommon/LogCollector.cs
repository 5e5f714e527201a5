using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TodoClean.TestCommon;

/// <summary>A logger provider that keeps every entry in memory, at every level.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this, categoryName);

    /// <summary>A typed logger for constructing a class under test directly.</summary>
    public ILogger<T> CreateLogger<T>() => new CollectingLogger<T>(this);

    public void Dispose()
    {
    }

    private class CollectingLogger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), properties, exception));
        }
    }

    private sealed class CollectingLogger<T>(LogCollector owner) : CollectingLogger(owner, typeof(T).FullName!), ILogger<T>;
}
