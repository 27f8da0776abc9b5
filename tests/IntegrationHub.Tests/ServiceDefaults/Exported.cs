using System.Collections.ObjectModel;

namespace IntegrationHub.Tests.ServiceDefaults;

/// <summary>
/// What an in-memory OpenTelemetry exporter has been given (spans, metric snapshots). The exporter adds on
/// the threads that end spans or collect metrics while a test reads: both go through one lock.
/// </summary>
public sealed class Exported<T> : Collection<T>
{
    readonly Lock gate = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
