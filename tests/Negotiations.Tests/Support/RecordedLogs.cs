using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Negotiations.Tests.Support;

/// <summary>Every log entry the test host writes, at any level, kept to be asserted on.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Nothing logged since the given count as a warning or error, nor with an exception (its stack trace) at information or above.</summary>
    public void ShouldHaveNoFailureSince(int from) =>
        Entries.Skip(from)
            .Where(e => e.Level >= LogLevel.Warning || (e.Exception is not null && e.Level >= LogLevel.Information))
            .Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")
            .ShouldBeEmpty();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
