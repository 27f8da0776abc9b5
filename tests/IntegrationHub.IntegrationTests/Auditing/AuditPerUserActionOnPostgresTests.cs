using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.IntegrationTests.Auditing;

/// <summary>
/// One entry per user action on PostgreSQL, where replicas write at once: reads repeating one correlation id, all at
/// the same moment, are recorded once, because the repeat is looked for under the chain's advisory lock.
/// </summary>
public sealed class AuditPerUserActionOnPostgresTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Reads_at_once_under_one_correlation_id_are_recorded_once_and_the_chain_holds()
    {
        using var pa = hub.PersonalAdviser();
        var youngPersonId = await pa.RegisterWithPlanAsync();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/young-people/{youngPersonId}");
            request.Headers.Add("X-Correlation-Id", "one-page-view");
            return await pa.SendAsync(request);
        }));

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var entries = await hub.QueryAsync(db => db.Audit.Where(a => a.YoungPersonId == youngPersonId).ToListAsync());
        Assert.Single(entries, e => e.Action == AuditActions.Read && e.CorrelationId == "one-page-view");
        Assert.Contains(entries, e => e.Action == AuditActions.Write && e.ResourceType == "young-person");
        using var dpo = hub.DataProtectionOfficer();
        var verification = (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
        Assert.True(verification.Intact, verification.FirstBreak?.Problem);
    }
}
