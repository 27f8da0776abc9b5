using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Persistence;

/// <summary>
/// Fills the columns the migration <c>BoardAtScale</c> added to the legs that were there before it, from their referral
/// (<see cref="Leg.TenantId"/>, <see cref="Leg.ReferralMadeAt"/>) and their status-changed timeline entries
/// (<see cref="Leg.AcknowledgedAt"/>, <see cref="Leg.DecidedAt"/>): a data step after the migrations, written in the SQL
/// both databases speak, because migrations hold only what the model generates. Such a leg has the migration's empty
/// tenant id, which no leg the hub writes has, so a hub whose legs are all filled finds none (by the tenant's index).
/// </summary>
static class LegBoardColumns
{
    public static Task<int> FillAsync(HubDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($$"""
            UPDATE legs SET
                "TenantId" = (SELECT r."TenantId" FROM referrals AS r WHERE r."Id" = legs."ReferralId"),
                "ReferralMadeAt" = (SELECT r."CreatedAt" FROM referrals AS r WHERE r."Id" = legs."ReferralId"),
                "AcknowledgedAt" = (SELECT MIN(t."At") FROM timeline_entries AS t
                    WHERE t."ReferralId" = legs."ReferralId" AND t."LegId" = legs."Id" AND t."Kind" = '{{TimelineKinds.StatusChanged}}'
                        AND t."ToStatus" = '{{Received}}'),
                "DecidedAt" = (SELECT MIN(t."At") FROM timeline_entries AS t
                    WHERE t."ReferralId" = legs."ReferralId" AND t."LegId" = legs."Id" AND t."Kind" = '{{TimelineKinds.StatusChanged}}'
                        AND t."ToStatus" IN ('{{Accepted}}', '{{Rejected}}'))
            WHERE "TenantId" = ''
            """, cancellationToken);
}
