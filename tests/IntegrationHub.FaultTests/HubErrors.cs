using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.FaultTests;

/// <summary>The errors the hub logged, with their exceptions, so that a fault test's failure can say what went wrong inside.</summary>
public sealed class HubErrors : ILoggerProvider
{
    readonly ConcurrentQueue<string> errors = new();

    public IReadOnlyCollection<string> Logged => errors;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

    public void Dispose()
    {
    }

    sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : $"\n{exception}")}");
            }
        }
    }
}
