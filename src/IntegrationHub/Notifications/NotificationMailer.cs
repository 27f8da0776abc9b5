using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Notifications;

/// <summary>
/// One pass of the e-mail sender: e-mails the notifications not yet e-mailed, over one SMTP
/// connection, and marks each sent. A notification to a role goes to that role's configured
/// addresses, one to the referring Personal Adviser to the address they made the referral with.
/// A send that fails leaves the notification unsent for the next pass; the failure is logged.
/// Each notification is leased (an inbox entry) before it is sent, so several replicas never send
/// the same one at once; a lease left by a replica that stopped mid-send expires.
/// </summary>
sealed class NotificationMailer(HubDbContext db, TenantScope tenants, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationMailer> logger)
{
    const string Lease = "notification-mailer";

    public async Task<MailPass> SendPendingAsync(CancellationToken cancellationToken)
    {
        // One sender e-mails every council's notifications, each to its own council's addresses.
        tenants.SpanAllTenants("e-mailing notifications");
        var settings = options.Value;
        var pending = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailedAt == null)
            .OrderBy(n => n.CreatedAt)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new MailPass(0, 0, 0);
        }

        var referralIds = pending.Where(n => n.UserId is not null).Select(n => n.ReferralId).OfType<Guid>().Distinct().ToList();
        var referrers = await db.Referrals.Where(r => referralIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ReferrerId, r.ReferrerEmail })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        using var smtp = new SmtpClient { Timeout = 30_000 };
        var (sent, failed, unaddressed) = (0, 0, 0);
        try
        {
            foreach (var notification in pending)
            {
                var to = notification.UserId is { } userId
                    ? notification.ReferralId is { } referralId && referrers.TryGetValue(referralId, out var referrer) && referrer.ReferrerId == userId && referrer.ReferrerEmail is { } email
                        ? [email]
                        : []
                    : settings.RecipientsFor(notification);
                to = [.. to.Where(NotificationOptionsValidator.IsEmailAddress)];
                if (to.Count == 0)
                {
                    // Nobody to e-mail: the inbox is where it is read. Marked, so it is not looked at again.
                    await MarkEmailedAsync(notification.Id, cancellationToken);
                    logger.LogInformation("Notification {NotificationId} has no e-mail address to go to; it is in the inbox only", notification.Id);
                    unaddressed++;
                    continue;
                }

                if (!await ClaimAsync(notification.Id, cancellationToken))
                {
                    continue;
                }

                try
                {
                    if (!smtp.IsConnected)
                    {
                        await ConnectAsync(smtp, settings.Smtp, cancellationToken);
                    }

                    await smtp.SendAsync(Message(notification, to, settings), cancellationToken);
                    await MarkEmailedAsync(notification.Id, cancellationToken);
                    sent++;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    logger.LogWarning(ex, "Notification {NotificationId} was not e-mailed; the next pass tries again", notification.Id);
                    await db.Inbox.Where(i => i.Consumer == Lease && i.MessageKey == notification.Id).ExecuteDeleteAsync(CancellationToken.None);
                    if (!smtp.IsConnected)
                    {
                        // The server is away: the rest wait for the next pass too.
                        break;
                    }
                }
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }

        return new MailPass(sent, failed, unaddressed);
    }

    static async Task ConnectAsync(SmtpClient smtp, SmtpOptions settings, CancellationToken cancellationToken)
    {
        var security = settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : settings.UseStartTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await smtp.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }
    }

    /// <summary>The e-mail says what the notification says, and links to the hub.</summary>
    static MimeMessage Message(Notification notification, IReadOnlyList<string> to, NotificationOptions settings)
    {
        var message = new MimeMessage { Subject = notification.Subject };
        message.From.Add(MailboxAddress.Parse(settings.Smtp.From!));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new TextPart("plain")
        {
            Text = $"{notification.Body}\n\nOpen the hub to see it: {settings.HubUrl}\n",
        };
        return message;
    }

    async Task MarkEmailedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => n.Id == id && n.EmailedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, clock.GetUtcNow()), CancellationToken.None);

    /// <summary>Leases a notification for this pass; false when another sender holds it or has sent it since.</summary>
    async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - options.Value.LeaseDuration;
        await db.Inbox.Where(i => i.Consumer == Lease && i.MessageKey == id && i.HandledAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.Inbox.Add(new InboxEntry { Consumer = Lease, MessageKey = id, HandledAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        return await db.Notifications.AnyAsync(n => n.Id == id && n.EmailedAt == null, cancellationToken);
    }
}

public sealed record MailPass(int Sent, int Failed, int Unaddressed);
