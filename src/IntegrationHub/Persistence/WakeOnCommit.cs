using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntegrationHub.Persistence;

/// <summary>
/// Wakes a background worker as soon as something it works on was committed, instead of at its next poll.
/// Any number of commits before the worker wakes make one wake-up.
/// </summary>
public abstract class WakeSignal
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke the worker first: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Wakes a worker when a transaction commits: rows saved inside it are there for the worker only from then on.
/// A save outside a transaction wakes it from where the rows were saved.
/// </summary>
public sealed class WakeOnCommit<TSignal>(TSignal signal) : DbTransactionInterceptor where TSignal : WakeSignal
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
