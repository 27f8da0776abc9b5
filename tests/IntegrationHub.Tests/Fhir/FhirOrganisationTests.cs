using IntegrationHub.Auditing;
using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.Fhir.FhirWire;
using static IntegrationHub.Tests.HubApi;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace IntegrationHub.Tests.Fhir;

/// <summary>
/// The FHIR facade shares with each NHS organisation only the Tasks addressed to it, and the
/// ServiceRequests and Patients behind them: another organisation's are not found, never forbidden.
/// </summary>
public class FhirOrganisationTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    static async Task<List<string?>> SearchedTaskIdsAsync(HttpClient nhs) =>
        [.. (await ReadFhirAsync<Bundle>(await nhs.GetAsync("/fhir/Task"), HttpStatusCode.OK)).Entry.Select(e => e.Resource?.Id)];

    static FhirTask Accepting(FhirTask task)
    {
        task.Status = FhirTask.TaskStatus.Accepted;
        task.LastModified = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return task;
    }

    [Fact]
    public async Task Task_search_returns_only_the_callers_organisations_tasks()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = hub.AgencyWorker(Nhs);
        using var leedsIcb = hub.AgencyWorker(Nhs, organisation: OrganisationsHub.LeedsIcb);

        var home = await SearchedTaskIdsAsync(homeTrust);
        var leeds = await SearchedTaskIdsAsync(leedsIcb);

        Assert.Contains(legs.HomeLeg(Nhs).ToString("D"), home);
        Assert.DoesNotContain(legs.LeedsLeg(Nhs).ToString("D"), home);
        Assert.Contains(legs.LeedsLeg(Nhs).ToString("D"), leeds);
        Assert.DoesNotContain(legs.HomeLeg(Nhs).ToString("D"), leeds);

        // Asking for the other organisation as owner finds nothing either.
        var owned = await ReadFhirAsync<Bundle>(await homeTrust.GetAsync($"/fhir/Task?owner={OrganisationsHub.LeedsIcb}"), HttpStatusCode.OK);
        Assert.Empty(owned.Entry);
    }

    [Theory]
    [InlineData("Task")]
    [InlineData("ServiceRequest")]
    [InlineData("Patient")]
    public async Task Another_organisations_resource_is_not_found(string resource)
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = hub.AgencyWorker(Nhs);
        using var leedsIcb = hub.AgencyWorker(Nhs, organisation: OrganisationsHub.LeedsIcb);

        var notShared = await ReadFhirAsync<OperationOutcome>(await homeTrust.GetAsync($"/fhir/{resource}/{legs.LeedsLeg(Nhs)}"), HttpStatusCode.NotFound);
        await ExpectAsync(await leedsIcb.GetAsync($"/fhir/{resource}/{legs.LeedsLeg(Nhs)}"), HttpStatusCode.OK);

        Assert.Equal(OperationOutcome.IssueType.NotFound, Assert.Single(notShared.Issue).Code);
        Assert.Single(await hub.QueryAsync(db => db.Audit.Where(a => a.Action == AuditActions.Read && a.YoungPersonId == legs.Leeds.Id).ToListAsync()));
    }

    [Fact]
    public async Task Updating_another_organisations_task_is_not_found_and_changes_nothing_while_its_own_update_applies()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        using var homeTrust = hub.AgencyWorker(Nhs);
        using var leedsIcb = hub.AgencyWorker(Nhs, organisation: OrganisationsHub.LeedsIcb);
        var leedsTask = await ReadFhirAsync<FhirTask>(await leedsIcb.GetAsync($"/fhir/Task/{legs.LeedsLeg(Nhs)}"), HttpStatusCode.OK);
        var before = await hub.CountRowsAsync();

        await ReadFhirAsync<OperationOutcome>(await PutAsync(homeTrust, legs.LeedsLeg(Nhs), Accepting(leedsTask)), HttpStatusCode.NotFound);

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(LegStatusCodes.Requested, await hub.QueryAsync(db => db.Legs.Where(l => l.Id == legs.LeedsLeg(Nhs)).Select(l => l.Status).SingleAsync()));

        var accepted = await ReadFhirAsync<FhirTask>(await PutAsync(leedsIcb, legs.LeedsLeg(Nhs), Accepting(leedsTask)), HttpStatusCode.OK);
        Assert.Equal(FhirTask.TaskStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task Each_task_a_search_returns_is_audited_under_its_own_legs_lawful_basis()
    {
        var tenant = $"council-fhir-{Guid.NewGuid():N}";
        using var pa = hub.PersonalAdviser(tenant);
        var consented = await ReferToNhsAsync(pa, Consent());
        var publicTask = await ReferToNhsAsync(pa, new LawfulBasisInput("public-task", null, null, "Section 23C Children Act 1989"));
        using var nhs = hub.AgencyWorker(Nhs, tenant);

        Assert.Equal(2, (await SearchedTaskIdsAsync(nhs)).Count);

        var reads = await hub.QueryAsync(db => db.Audit.Where(a => a.TenantId == tenant && a.ResourceType == "fhir-task").ToListAsync());
        Assert.Equal(
            [(consented, "consent"), (publicTask, "public-task")],
            reads.Select(r => (r.YoungPersonId!.Value, r.Basis!)).OrderBy(r => r.Item2, StringComparer.Ordinal));
        Assert.All(reads, r => Assert.Equal(hub.OrganisationOf(Nhs, tenant), r.Organisation));
    }

    static async Task<Guid> ReferToNhsAsync(HttpClient pa, LawfulBasisInput basis)
    {
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(PlanSectionCodes.Health));
        await pa.MakeReferralAsync(new(person.Id, plan.Number, "Needs a mental health review", [PlanSectionCodes.Health], [To(Nhs, basis)]));
        return person.Id;
    }
}
