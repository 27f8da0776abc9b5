using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Nhs.Cancellations;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Contracts.V1;
using static IntegrationHub.Adapters.Nhs.Tests.FhirAssert;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Tests.Cancellations;

public class NhsCancellationBundleTests
{
    static readonly Bundle Referral = NhsReferralBundle.Build(TestLegs.Full());
    static readonly Bundle Revoked = NhsCancellationBundle.Build(TestLegs.Cancelled());

    [Fact]
    public void Circumstances_changed_revokes_the_ServiceRequest()
    {
        Assert.Equal(RequestStatus.Revoked, Single<ServiceRequest>(Revoked).Status);
    }

    [Fact]
    public void A_mistake_marks_the_ServiceRequest_entered_in_error()
    {
        var bundle = NhsCancellationBundle.Build(TestLegs.Cancelled("Sent for the wrong person", CancellationKinds.EnteredInError));

        Assert.Equal(RequestStatus.EnteredInError, Single<ServiceRequest>(bundle).Status);
        Assert.Equal(FhirTask.TaskStatus.Cancelled, Single<FhirTask>(bundle).Status);
        ReferencesResolve(bundle);
    }

    [Fact]
    public void A_withdrawn_consent_revokes_the_ServiceRequest_and_cancels_the_Task_saying_so()
    {
        var bundle = NhsCancellationBundle.Build(TestLegs.Cancelled("consent withdrawn", CancellationKinds.ConsentWithdrawn));

        Assert.Equal(RequestStatus.Revoked, Single<ServiceRequest>(bundle).Status);
        var task = Single<FhirTask>(bundle);
        Assert.Equal(FhirTask.TaskStatus.Cancelled, task.Status);
        Assert.Equal("consent withdrawn", task.StatusReason?.Text);
        ReferencesResolve(bundle);
    }

    [Fact]
    public void Task_is_cancelled_with_the_reason()
    {
        var task = Single<FhirTask>(Revoked);

        Assert.Equal(FhirTask.TaskStatus.Cancelled, task.Status);
        Assert.Equal(TestLegs.Cancelled().Reason, task.StatusReason?.Text);
        Assert.Equal("2026-01-09T11:15:00Z", task.LastModified);
        Assert.Equal(TestLegs.OdsCode, task.Owner?.Identifier?.Value);
    }

    [Fact]
    public void Cancellation_revokes_the_same_ServiceRequest_and_Task_the_referral_created()
    {
        Assert.Equal(Single<ServiceRequest>(Referral).Id, Single<ServiceRequest>(Revoked).Id);
        Assert.Equal(Single<FhirTask>(Referral).Id, Single<FhirTask>(Revoked).Id);
        Assert.NotEqual(Single<MessageHeader>(Referral).Id, Single<MessageHeader>(Revoked).Id);
        Assert.NotEqual(Referral.Id, Revoked.Id);
    }

    [Fact]
    public void MessageHeader_is_the_request_event_with_reason_update()
    {
        var header = Assert.IsType<MessageHeader>(Revoked.Entry[0].Resource);

        Assert.Equal(Bundle.BundleType.Message, Revoked.Type);
        Assert.Equal("servicerequest-request", Assert.IsType<Coding>(header.Event).Code);
        Assert.Equal(("https://fhir.nhs.uk/CodeSystem/message-reason-bars", "update"), (header.Reason?.Coding.Single().System, header.Reason?.Coding.Single().Code));
        Assert.Equal($"urn:uuid:{Single<ServiceRequest>(Revoked).Id}", Assert.Single(header.Focus).Reference);
        Assert.Equal($"urn:ods:{TestLegs.OdsCode}", Assert.Single(header.Destination).Endpoint);
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 11, 15, 0, TimeSpan.Zero), Revoked.Timestamp);
    }

    [Fact]
    public void Every_reference_in_the_cancellation_resolves_to_an_entry() => ReferencesResolve(Revoked);

    [Fact]
    public void Cancellation_carries_no_plan_consent_or_contact_details()
    {
        var json = NhsFhirJson.Serialize(Revoked);

        Assert.Empty(Revoked.Entry.Select(e => e.Resource).OfType<Consent>());
        Assert.Empty(Single<ServiceRequest>(Revoked).Note);
        Assert.DoesNotContain("secret-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("jordan@example.org", json, StringComparison.Ordinal);
        Assert.DoesNotContain("EN5 1AA", json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestLegs.NiNumber, json, StringComparison.Ordinal);
        Assert.Contains(Single<Patient>(Revoked).Identifier, i => i.System == NhsSystems.NhsNumber && i.Value == TestLegs.NhsNumber);
    }

    [Fact]
    public void Cancellation_of_another_leg_is_refused()
    {
        var other = TestLegs.Cancelled() with { LegId = Guid.NewGuid() };

        Assert.Throws<ArgumentException>(() => NhsCancellationBundle.Build(other));
    }

    [Fact]
    public void Cancellation_addressed_to_another_organisation_is_refused()
    {
        var other = TestLegs.Cancelled() with { Recipient = new Organisation("RAT", "North East London NHS Foundation Trust") };

        var error = Assert.Throws<ArgumentException>(() => NhsCancellationBundle.Build(other));
        Assert.Contains("RAT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_without_a_reason_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NhsCancellationBundle.Build(TestLegs.Cancelled(" ")));
    }

    [Fact]
    public void Unknown_cancellation_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NhsCancellationBundle.Build(TestLegs.Cancelled(kind: "changed-my-mind")));
    }
}
