using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.Fhir.FhirWire;
using static IntegrationHub.Tests.HubApi;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace IntegrationHub.Tests.Fhir;

/// <summary>
/// The FHIR R4 facade as an NHS system uses it: every response is read with the Firely SDK, every
/// error must be an OperationOutcome in <c>application/fhir+json</c>.
/// </summary>
public class FhirApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    const string LegSystem = "urn:care-leaver-hub:leg";

    const string HealthNeed = "Anxiety since the move; wants a CAMHS follow-up";
    const string JusticeNeed = "Youth caution for criminal damage last spring";
    const string EetNeed = "Wants a catering apprenticeship from September";

    /// <summary>An NHS leg with its young person, the PA who referred them and an NHS worker of the same local authority.</summary>
    sealed record NhsLeg(string Tenant, YoungPersonDetails Person, Guid ReferralId, Guid LegId, HttpClient Pa, HttpClient Nhs) : IDisposable
    {
        public void Dispose()
        {
            Pa.Dispose();
            Nhs.Dispose();
        }
    }

    /// <summary>A local authority of its own for each test, so that a search sees only that test's legs.</summary>
    static string NewTenant() => $"council-fhir-{Guid.NewGuid():N}";

    /// <summary>Health, justice and EET needs referred to the NHS and DWP.</summary>
    async Task<NhsLeg> ReferToNhsAsync(string? tenant = null)
    {
        tenant ??= NewTenant();
        var pa = hub.PersonalAdviser(tenant);
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, new([Section(Health, HealthNeed), Section(Justice, JusticeNeed), Section(Eet, EetNeed)]));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [Health, Justice, Eet], Nhs, Dwp));
        return new NhsLeg(tenant, person, referral.Id, referral.LegIdOf(Nhs), pa, hub.AgencyWorker(Nhs, tenant, "gp-surgery-worker"));
    }

    /// <summary>Asserts an OperationOutcome with one error issue, and returns that issue.</summary>
    static async Task<OperationOutcome.IssueComponent> ExpectOutcomeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var outcome = await ReadFhirAsync<OperationOutcome>(response, expected);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        return issue;
    }

    static string Now() => DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    static async Task<FhirTask> ReadTaskAsync(HttpClient nhs, Guid legId) =>
        await ReadFhirAsync<FhirTask>(await nhs.GetAsync($"/fhir/Task/{legId}"), HttpStatusCode.OK);

    /// <summary>
    /// The NHS accepts the leg by a bus answer, then the Task is read as the facade serves it: the
    /// PUT tests below start from an accepted leg without depending on the PUT of <c>accepted</c>.
    /// </summary>
    async Task<FhirTask> AcceptedTaskAsync(NhsLeg leg)
    {
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), leg.LegId, Nhs, "GP surgery", DateTimeOffset.UtcNow, null));
        await leg.Pa.WaitForReferralAsync(leg.ReferralId, r => r.LegOf(Nhs).Status == LegStatusCodes.Accepted, "the NHS leg to be accepted");
        var task = await ReadTaskAsync(leg.Nhs, leg.LegId);
        Assert.Equal(FhirTask.TaskStatus.Accepted, task.Status);
        return task;
    }

    static async Task<Bundle> SearchAsync(HttpClient nhs, string query) =>
        await ReadFhirAsync<Bundle>(await nhs.GetAsync($"/fhir/Task?{query}"), HttpStatusCode.OK);

    [Fact]
    public async Task Capability_statement_is_served_without_a_token_and_lists_Task_ServiceRequest_and_Patient()
    {
        using var anonymous = hub.CreateClient();

        var capability = await ReadFhirAsync<CapabilityStatement>(await anonymous.GetAsync("/fhir/metadata"), HttpStatusCode.OK);

        Assert.Equal(FHIRVersion.N4_0_1, capability.FhirVersion);
        var rest = Assert.Single(capability.Rest);
        Assert.Equal(CapabilityStatement.RestfulCapabilityMode.Server, rest.Mode);
        var resources = rest.Resource.ToDictionary(r => r.Type ?? "");
        Assert.Equal(
            new HashSet<CapabilityStatement.TypeRestfulInteraction>
            {
                CapabilityStatement.TypeRestfulInteraction.Read,
                CapabilityStatement.TypeRestfulInteraction.SearchType,
                CapabilityStatement.TypeRestfulInteraction.Update,
            },
            resources["Task"].Interaction.Select(i => i.Code!.Value).ToHashSet());
        Assert.Contains("owner", resources["Task"].SearchParam.Select(p => p.Name));
        Assert.Contains("status", resources["Task"].SearchParam.Select(p => p.Name));
        Assert.Contains("_lastUpdated", resources["Task"].SearchParam.Select(p => p.Name));
        Assert.Contains(CapabilityStatement.TypeRestfulInteraction.Read, resources["ServiceRequest"].Interaction.Select(i => i.Code));
        Assert.Contains(CapabilityStatement.TypeRestfulInteraction.Read, resources["Patient"].Interaction.Select(i => i.Code));
    }

    [Fact]
    public async Task Nhs_worker_finds_their_organisations_requested_Task_pointing_at_its_ServiceRequest_and_Patient()
    {
        using var leg = await ReferToNhsAsync();
        using var decided = await ReferToNhsAsync(leg.Tenant);
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), decided.LegId, Nhs, "GP surgery", DateTimeOffset.UtcNow, null));
        await decided.Pa.WaitForReferralAsync(decided.ReferralId, r => r.LegOf(Nhs).Status == LegStatusCodes.Accepted, "the other NHS leg to be accepted");
        var owner = (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Nhs).Recipient.Code;

        var bundle = await SearchAsync(leg.Nhs, $"owner={Uri.EscapeDataString(owner)}&status=requested");

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(1, bundle.Total);
        var task = Assert.IsType<FhirTask>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal(leg.LegId.ToString("D"), task.Id);
        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal($"ServiceRequest/{leg.LegId:D}", task.Focus?.Reference);
        Assert.Equal($"Patient/{leg.LegId:D}", task.For?.Reference);
        Assert.Contains(task.Identifier, i => i.System == LegSystem && i.Value == leg.LegId.ToString("D"));

        // Both legs are the organisation's; another organisation's code finds neither.
        Assert.Equal(2, (await SearchAsync(leg.Nhs, $"owner={Uri.EscapeDataString($"https://fhir.nhs.uk/Id/ods-organization-code|{owner}")}")).Entry.Count);
        Assert.Empty((await SearchAsync(leg.Nhs, "owner=RXX00&status=requested")).Entry);
    }

    [Fact]
    public async Task Search_by_lastUpdated_after_the_legs_last_update_finds_nothing()
    {
        using var leg = await ReferToNhsAsync();
        var updatedAt = (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Nhs).UpdatedAt;

        var before = await SearchAsync(leg.Nhs, $"status=requested&_lastUpdated={Uri.EscapeDataString($"gt{Instant(updatedAt.AddSeconds(-1))}")}");
        var after = await SearchAsync(leg.Nhs, $"status=requested&_lastUpdated={Uri.EscapeDataString($"gt{Instant(updatedAt.AddMilliseconds(1))}")}");

        Assert.Equal(leg.LegId.ToString("D"), Assert.Single(before.Entry).Resource?.Id);
        Assert.Empty(after.Entry);
        Assert.Equal(0, after.Total);
    }

    [Theory]
    [InlineData("gtyesterday")]
    [InlineData("xx2026-01-01T00:00:00Z")]
    [InlineData("gt2026-13-45T00:00:00Z")]
    public async Task A_bad_lastUpdated_is_a_400_OperationOutcome_naming_the_parameter(string value)
    {
        using var nhs = hub.AgencyWorker(Nhs);

        var issue = await ExpectOutcomeAsync(await nhs.GetAsync($"/fhir/Task?_lastUpdated={Uri.EscapeDataString(value)}"), HttpStatusCode.BadRequest);

        Assert.Equal(OperationOutcome.IssueType.Invalid, issue.Code);
        Assert.Contains("_lastUpdated", issue.Expression);
    }

    [Fact]
    public async Task ServiceRequest_and_Patient_carry_the_NHS_number_and_the_health_needs_only()
    {
        using var leg = await ReferToNhsAsync();

        var patientResponse = await leg.Nhs.GetAsync($"/fhir/Patient/{leg.LegId}");
        var patientJson = await patientResponse.Content.ReadAsStringAsync();
        var patient = await ReadFhirAsync<Patient>(patientResponse, HttpStatusCode.OK);
        var requestResponse = await leg.Nhs.GetAsync($"/fhir/ServiceRequest/{leg.LegId}");
        var requestJson = await requestResponse.Content.ReadAsStringAsync();
        var serviceRequest = await ReadFhirAsync<ServiceRequest>(requestResponse, HttpStatusCode.OK);

        Assert.Equal(leg.LegId.ToString("D"), patient.Id);
        Assert.Equal(leg.Person.NhsNumber, Assert.Single(patient.Identifier, i => i.System == NhsNumberSystem).Value);
        Assert.Equal(leg.Person.FamilyName, Assert.Single(patient.Name).Family);
        Assert.DoesNotContain(leg.Person.NationalInsuranceNumber!, patientJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(leg.Person.Crn!, patientJson, StringComparison.OrdinalIgnoreCase);
        Assert.All(patient.Identifier, i => Assert.DoesNotContain("insurance", i.System, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(leg.LegId.ToString("D"), serviceRequest.Id);
        Assert.Equal($"Patient/{leg.LegId:D}", serviceRequest.Subject.Reference);
        Assert.Contains(serviceRequest.Note, n => n.Text is { } text && text.Contains(HealthNeed, StringComparison.Ordinal));
        Assert.DoesNotContain(JusticeNeed, requestJson, StringComparison.Ordinal);
        Assert.DoesNotContain(EetNeed, requestJson, StringComparison.Ordinal);
        Assert.DoesNotContain($"Action for {Justice}", requestJson, StringComparison.Ordinal);
        Assert.DoesNotContain($"Action for {Eet}", requestJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_the_Task_back_accepted_accepts_the_NHS_leg_on_the_referral()
    {
        using var leg = await ReferToNhsAsync();
        var task = await ReadTaskAsync(leg.Nhs, leg.LegId);
        task.Status = FhirTask.TaskStatus.Accepted;
        task.LastModified = Now();

        var updated = await ReadFhirAsync<FhirTask>(await PutAsync(leg.Nhs, leg.LegId, task), HttpStatusCode.OK);

        Assert.Equal(FhirTask.TaskStatus.Accepted, updated.Status);
        Assert.Equal(leg.LegId.ToString("D"), updated.Id);
        var referral = await leg.Pa.GetReferralAsync(leg.ReferralId);
        Assert.Equal(LegStatusCodes.Accepted, referral.LegOf(Nhs).Status);
        Assert.Equal(LegStatusCodes.Requested, referral.LegOf(Dwp).Status);
        var changes = referral.Timeline.Where(t => t.LegId == leg.LegId && t.Kind == TimelineKinds.StatusChanged).Select(t => $"{t.FromStatus} -> {t.ToStatus}");
        Assert.Equal(["requested -> received", "received -> accepted"], changes);
        Assert.Equal(FhirTask.TaskStatus.Accepted, (await ReadTaskAsync(leg.Nhs, leg.LegId)).Status);
    }

    [Fact]
    public async Task Completing_a_Task_without_an_output_is_a_400_OperationOutcome_naming_Task_output()
    {
        using var leg = await ReferToNhsAsync();
        var accepted = await AcceptedTaskAsync(leg);
        var timeline = (await leg.Pa.GetReferralAsync(leg.ReferralId)).Timeline.Count;
        accepted.Status = FhirTask.TaskStatus.Completed;
        accepted.Output = [];
        accepted.LastModified = Now();

        var issue = await ExpectOutcomeAsync(await PutAsync(leg.Nhs, leg.LegId, accepted), HttpStatusCode.BadRequest);

        Assert.Contains("Task.output", issue.Expression);
        var referral = await leg.Pa.GetReferralAsync(leg.ReferralId);
        Assert.Equal(LegStatusCodes.Accepted, referral.LegOf(Nhs).Status);
        Assert.Equal(timeline, referral.Timeline.Count);
    }

    [Fact]
    public async Task A_Task_wrong_in_several_ways_is_a_400_OperationOutcome_with_one_issue_each()
    {
        using var leg = await ReferToNhsAsync();
        var accepted = await AcceptedTaskAsync(leg);
        var timeline = (await leg.Pa.GetReferralAsync(leg.ReferralId)).Timeline.Count;
        accepted.Id = Guid.NewGuid().ToString("D");
        accepted.Status = FhirTask.TaskStatus.Completed;
        accepted.Output = [];
        accepted.LastModified = null;

        var outcome = await ReadFhirAsync<OperationOutcome>(await PutAsync(leg.Nhs, leg.LegId, accepted), HttpStatusCode.BadRequest);

        Assert.Equal(["Task.id", "Task.lastModified", "Task.output"], outcome.Issue.Select(i => Assert.Single(i.Expression)));
        Assert.All(outcome.Issue, i => Assert.Equal((OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Invalid), (i.Severity, i.Code)));
        Assert.All(outcome.Issue, i => Assert.False(string.IsNullOrWhiteSpace(i.Diagnostics)));
        Assert.Equal(timeline, (await leg.Pa.GetReferralAsync(leg.ReferralId)).Timeline.Count);
    }

    [Fact]
    public async Task Rejecting_an_accepted_Task_is_a_409_OperationOutcome_and_the_leg_stays_accepted()
    {
        using var leg = await ReferToNhsAsync();
        var accepted = await AcceptedTaskAsync(leg);
        var timeline = (await leg.Pa.GetReferralAsync(leg.ReferralId)).Timeline.Count;
        accepted.Status = FhirTask.TaskStatus.Rejected;
        accepted.StatusReason = new CodeableConcept("urn:care-leaver-hub:status-reason", "not-registered", "Not registered with this practice", "Not registered with us");
        accepted.LastModified = Now();

        var response = await PutAsync(leg.Nhs, leg.LegId, accepted);

        Assert.Equal(FhirJson, response.Content.Headers.ContentType?.MediaType);
        var issue = await ExpectOutcomeAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(OperationOutcome.IssueType.BusinessRule, issue.Code);
        Assert.Contains("Task.status", issue.Expression);
        var referral = await leg.Pa.GetReferralAsync(leg.ReferralId);
        Assert.Equal(LegStatusCodes.Accepted, referral.LegOf(Nhs).Status);
        var refused = Assert.Single(referral.Timeline.Skip(timeline));
        Assert.Equal(TimelineKinds.TransitionRefused, refused.Kind);
        Assert.Equal(LegStatusCodes.Rejected, refused.ToStatus);
        Assert.Equal(FhirTask.TaskStatus.Accepted, (await ReadTaskAsync(leg.Nhs, leg.LegId)).Status);
    }

    [Fact]
    public async Task Updating_an_unknown_Task_is_a_404_OperationOutcome()
    {
        using var leg = await ReferToNhsAsync();
        var task = await ReadTaskAsync(leg.Nhs, leg.LegId);
        var unknown = Guid.NewGuid();
        task.Id = unknown.ToString("D");
        task.Identifier = [new Identifier(LegSystem, unknown.ToString("D"))];
        task.Status = FhirTask.TaskStatus.Accepted;
        task.LastModified = Now();

        var issue = await ExpectOutcomeAsync(await PutAsync(leg.Nhs, unknown, task), HttpStatusCode.NotFound);

        Assert.Equal(OperationOutcome.IssueType.NotFound, issue.Code);
        Assert.Equal(LegStatusCodes.Requested, (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Nhs).Status);
    }

    [Fact]
    public async Task Updating_the_Task_of_another_agencys_leg_is_a_404_and_changes_nothing()
    {
        using var leg = await ReferToNhsAsync();
        var dwpLegId = (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Dwp).Id;
        var before = await leg.Pa.GetReferralAsync(leg.ReferralId);
        var task = await ReadTaskAsync(leg.Nhs, leg.LegId);
        task.Id = dwpLegId.ToString("D");
        task.Identifier = [new Identifier(LegSystem, dwpLegId.ToString("D"))];
        task.Status = FhirTask.TaskStatus.Accepted;
        task.LastModified = Now();

        var issue = await ExpectOutcomeAsync(await PutAsync(leg.Nhs, dwpLegId, task), HttpStatusCode.NotFound);

        Assert.Equal(OperationOutcome.IssueType.NotFound, issue.Code);
        var after = await leg.Pa.GetReferralAsync(leg.ReferralId);
        Assert.Equal(LegStatusCodes.Requested, after.LegOf(Dwp).Status);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_OperationOutcome()
    {
        using var leg = await ReferToNhsAsync();

        var issue = await ExpectOutcomeAsync(await PutAsync(leg.Nhs, leg.LegId, "status=accepted, please"), HttpStatusCode.BadRequest);

        Assert.False(string.IsNullOrWhiteSpace(issue.Diagnostics));
        Assert.Equal(LegStatusCodes.Requested, (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Nhs).Status);
    }

    [Fact]
    public async Task Without_a_token_the_facade_answers_401_with_an_OperationOutcome()
    {
        using var leg = await ReferToNhsAsync();
        using var anonymous = hub.CreateClient();

        var search = await ExpectOutcomeAsync(await anonymous.GetAsync("/fhir/Task"), HttpStatusCode.Unauthorized);
        var read = await ExpectOutcomeAsync(await anonymous.GetAsync($"/fhir/Task/{leg.LegId}"), HttpStatusCode.Unauthorized);

        Assert.Equal(OperationOutcome.IssueType.Login, search.Code);
        Assert.Equal(OperationOutcome.IssueType.Login, read.Code);
    }

    [Fact]
    public async Task Workers_who_are_not_NHS_are_refused_with_a_403_OperationOutcome()
    {
        using var leg = await ReferToNhsAsync();
        using var dwp = hub.AgencyWorker(Dwp, leg.Tenant);

        var dwpSearch = await ExpectOutcomeAsync(await dwp.GetAsync("/fhir/Task"), HttpStatusCode.Forbidden);
        var dwpRead = await ExpectOutcomeAsync(await dwp.GetAsync($"/fhir/Patient/{leg.LegId}"), HttpStatusCode.Forbidden);
        var paRead = await ExpectOutcomeAsync(await leg.Pa.GetAsync($"/fhir/Task/{leg.LegId}"), HttpStatusCode.Forbidden);

        Assert.All(new[] { dwpSearch, dwpRead, paRead }, issue => Assert.Equal(OperationOutcome.IssueType.Forbidden, issue.Code));
    }

    [Fact]
    public async Task Nhs_worker_of_another_local_authority_cannot_see_the_Task()
    {
        using var leg = await ReferToNhsAsync();
        using var otherNhs = hub.AgencyWorker(Nhs, NewTenant(), "other-gp-worker");

        await ExpectOutcomeAsync(await otherNhs.GetAsync($"/fhir/Task/{leg.LegId}"), HttpStatusCode.NotFound);
        await ExpectOutcomeAsync(await otherNhs.GetAsync($"/fhir/ServiceRequest/{leg.LegId}"), HttpStatusCode.NotFound);
        await ExpectOutcomeAsync(await otherNhs.GetAsync($"/fhir/Patient/{leg.LegId}"), HttpStatusCode.NotFound);
        Assert.Empty((await SearchAsync(otherNhs, "status=requested")).Entry);

        var task = await ReadTaskAsync(leg.Nhs, leg.LegId);
        task.Status = FhirTask.TaskStatus.Accepted;
        task.LastModified = Now();
        await ExpectOutcomeAsync(await PutAsync(otherNhs, leg.LegId, task), HttpStatusCode.NotFound);
        Assert.Equal(LegStatusCodes.Requested, (await leg.Pa.GetReferralAsync(leg.ReferralId)).LegOf(Nhs).Status);
    }

    [Fact]
    public async Task Reading_a_Task_is_audited_under_the_legs_lawful_basis()
    {
        using var leg = await ReferToNhsAsync();

        await ReadTaskAsync(leg.Nhs, leg.LegId);
        await ReadFhirAsync<Patient>(await leg.Nhs.GetAsync($"/fhir/Patient/{leg.LegId}"), HttpStatusCode.OK);

        var resourceId = leg.LegId.ToString();
        var entries = await hub.QueryAsync(db => db.Audit.Where(a => a.ResourceId == resourceId).ToListAsync());
        var taskRead = Assert.Single(entries, e => e.ResourceType == "fhir-task");
        Assert.Equal("gp-surgery-worker", taskRead.ActorId);
        Assert.Equal(HubRoles.Agency, taskRead.ActorRole);
        Assert.Equal(Nhs, taskRead.Agency);
        Assert.Equal(leg.Tenant, taskRead.TenantId);
        Assert.Equal(leg.Person.Id, taskRead.YoungPersonId);
        Assert.Equal("consent", taskRead.Basis);
        Assert.Equal("read", taskRead.Action);
        Assert.True(DateTimeOffset.UtcNow - taskRead.At < TimeSpan.FromMinutes(1));
        var patientRead = Assert.Single(entries, e => e.ResourceType == "fhir-patient");
        Assert.Equal(leg.Person.Id, patientRead.YoungPersonId);
        Assert.Equal("consent", patientRead.Basis);
    }
}
