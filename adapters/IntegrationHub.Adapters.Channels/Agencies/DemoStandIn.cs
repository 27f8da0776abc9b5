using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// DEMO ONLY: how the demo stands in for the agency: its worker on the local sign-in page, the reason the
/// demo referral gives it, and what its stand-in system answers, after acknowledging, to a leg delivered on the demo channel.
/// </summary>
/// <param name="Worker">The agency worker the local sign-in page offers, e.g. "Jo Williams (probation practitioner)".</param>
/// <param name="ReasonForReferral">
/// The demo Personal Adviser's reason for referring the demo care leaver to this agency, written for it alone:
/// it speaks of what this agency may see and names no other agency.
/// </param>
/// <param name="Answers">The answers after the acknowledgement; by default the leg is accepted.</param>
public sealed record DemoStandIn(string Worker, string ReasonForReferral, Func<DemoAnswer, IReadOnlyList<ILegAnswer>>? Answers = null)
{
    public IReadOnlyList<ILegAnswer> AnswersTo(DemoAnswer leg) =>
        Answers?.Invoke(leg) ?? [new LegAccepted(leg.NewAnswerId(), leg.LegId, leg.Agency, leg.AnsweredBy, leg.At, "Accepted by the demo agency.")];
}

/// <summary>The leg the demo stand-in answers, and who answers when.</summary>
public sealed record DemoAnswer(Guid LegId, string Agency, string AnsweredBy, DateTimeOffset At, Func<Guid> NewAnswerId)
{
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}
