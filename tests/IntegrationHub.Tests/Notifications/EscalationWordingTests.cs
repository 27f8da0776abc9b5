using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Notifications;

/// <summary>A notification gives case references, agency, level, reason and due date: never the escalation's own free text.</summary>
public sealed class EscalationWordingTests(HubFactory hub) : IClassFixture<HubFactory>
{
    (string Subject, string Body) Describe(EscalationNotice notice, Escalation escalation, string? legReasonCode)
    {
        using var scope = hub.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<EscalationWording>().Describe(notice, escalation, legReasonCode);
    }

    static Escalation Escalation(string reasonCode, string reason, int level = 1) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = HubFactory.TenantA,
        ReferralId = Guid.NewGuid(),
        LegId = Guid.NewGuid(),
        Agency = AgencyCodes.Housing,
        Theme = AgencyThemes.Housing,
        Level = level,
        ReasonCode = reasonCode,
        Reason = reason,
        Owner = EscalationLadder.OwnerAt(level, AgencyThemes.Housing),
        TriggerKey = "test",
    };

    [Fact]
    public void Decline_is_told_by_its_code_not_the_agencys_words()
    {
        var escalation = Escalation(EscalationReasons.UnacceptableDecline, "housing declined (intentionally-homeless): Jordan left the flat on 3 May.", 2);
        var raised = new EscalationRaised(escalation.Id, escalation.TenantId, escalation.ReferralId, escalation.LegId, escalation.Agency, escalation.Theme,
            2, escalation.ReasonCode, escalation.Reason, escalation.Owner, new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 4, 23, 59, 59, TimeSpan.Zero));

        var (subject, body) = Describe(EscalationNotice.For(raised), escalation, "intentionally-homeless");

        Assert.Equal($"Escalation at level 2 (head of service): housing, referral {escalation.ReferralId}", subject);
        Assert.Contains("Reason: The housing authority declined the referral (intentionally-homeless), a reason corporate parents should not accept.", body, StringComparison.Ordinal);
        Assert.Contains("Due by: 4 January 2027", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", body, StringComparison.Ordinal);
        Assert.DoesNotContain("3 May", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_from_custody_is_told_without_its_date()
    {
        var escalation = Escalation("release-without-accommodation", "Release from custody planned for 12 January 2027 and no accommodation leg has been accepted.");
        var raised = new EscalationRaised(escalation.Id, escalation.TenantId, escalation.ReferralId, null, escalation.Agency, escalation.Theme,
            1, escalation.ReasonCode, escalation.Reason, escalation.Owner, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(3));

        var (_, body) = Describe(EscalationNotice.For(raised), escalation, null);

        Assert.DoesNotContain("12 January", body, StringComparison.Ordinal);
        Assert.Contains("Reason: A release is planned and no housing leg has been accepted.", body, StringComparison.Ordinal);
        Assert.Contains("Level: 1 (team manager)", body, StringComparison.Ordinal);
    }
}
