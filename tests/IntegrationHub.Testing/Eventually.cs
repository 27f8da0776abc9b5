using System.Text.Json;

namespace IntegrationHub.Testing;

/// <summary>
/// Waits for eventual state (a consumer's commit, an outbox dispatch, a message on a queue): polls
/// until the condition the test then asserts holds, and on time-out says what it saw last, so a
/// failure explains itself. Wait for exactly what is asserted; state written by a later
/// transaction than the one waited for is not there yet.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded two-core machine; a wait that succeeds returns as soon as its condition holds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> until, string what, TimeSpan? patience = null)
    {
        var limit = patience ?? Patience;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for {what}; last seen: {JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> WaitAsync<T>(Func<T> probe, Func<T, bool> until, string what, TimeSpan? patience = null) =>
        WaitAsync(() => Task.FromResult(probe()), until, what, patience);
}
