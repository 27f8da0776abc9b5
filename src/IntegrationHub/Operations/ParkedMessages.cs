using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Operations;

/// <summary>
/// The outbox messages that failed their attempts for a reason of their own and wait for an operator: what they
/// are and why they failed, never their content (it holds personal data); replayed, they are tried afresh.
/// </summary>
public sealed class ParkedMessages(HubDbContext db, ILogger<ParkedMessages> logger)
{
    public Task<List<ParkedMessage>> ListAsync(CancellationToken cancellationToken) =>
        db.Outbox.AsNoTracking()
            .Where(m => m.ParkedAt != null && m.SentAt == null)
            .OrderBy(m => m.ParkedAt)
            .Select(m => new ParkedMessage(m.Id, m.MessageType, m.Destination, m.CreatedAt, m.Attempts, m.LastError, m.ParkedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Puts the message back in the outbox with its attempts cleared; false when no such message is parked.</summary>
    public async Task<bool> ReplayAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var replayed = await db.Outbox
            .Where(m => m.Id == messageId && m.ParkedAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ParkedAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null),
                cancellationToken) == 1;
        if (replayed)
        {
            logger.LogInformation("Parked outbox message {MessageId} replayed", messageId);
        }

        return replayed;
    }
}

/// <summary>A parked outbox message as an operator sees it: what and where, how often it failed and why, never its content.</summary>
public sealed record ParkedMessage(Guid Id, string MessageType, string? Destination, DateTimeOffset CreatedAt, int Attempts, string? LastError, DateTimeOffset ParkedAt);
