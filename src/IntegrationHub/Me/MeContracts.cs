using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;

namespace IntegrationHub.Me;

/// <summary>The young person's own record, as they see it.</summary>
/// <param name="LocalAuthority">The council whose leaving care service supports them.</param>
public sealed record MyRecord(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? Email,
    string? Phone,
    string? AddressLine,
    string? Postcode,
    string LocalAuthority)
{
    public static MyRecord From(YoungPerson p, string localAuthority) =>
        new(p.GivenName, p.FamilyName, p.DateOfBirth, p.Email, p.Phone, p.AddressLine, p.Postcode, localAuthority);
}

/// <summary>A section of their plan: its code, and its name in plain words.</summary>
public sealed record MySection(string Code, string Name);

/// <summary>One organisation's part of a referral, in plain words. No agency's notes or reasons: those are the agency's and the adviser's.</summary>
/// <param name="Status">The leg's status code (FHIR Task.status).</param>
/// <param name="StatusInWords">The status in a few plain words.</param>
/// <param name="Meaning">What it means for the young person, in a sentence.</param>
/// <param name="OnConsent">Shared because the young person consented: withdrawing that consent stops it.</param>
public sealed record MyLeg(
    Guid Id,
    string Agency,
    string AgencyName,
    string Organisation,
    IReadOnlyList<MySection> SharedSections,
    string Status,
    string StatusInWords,
    string Meaning,
    bool OnConsent,
    DateTimeOffset SentAt,
    DateTimeOffset UpdatedAt)
{
    public static MyLeg From(Leg l, DateTimeOffset sentAt, AgencyDefinitions agencies) => new(
        l.Id,
        l.Agency,
        agencies.NameOf(l.Agency),
        l.Recipient.Name,
        [.. l.SharedSections.Select(s => new MySection(s, PlainWords.Section(s)))],
        l.Status,
        PlainWords.Status(l.Status, l.ReasonCode),
        PlainWords.Meaning(l.Status, l.ReasonCode),
        l.LawfulBasis.Basis == LawfulBases.Consent,
        sentAt,
        l.UpdatedAt);
}

/// <param name="MadeBy">The Personal Adviser who made it.</param>
public sealed record MyReferral(Guid Id, DateTimeOffset MadeAt, string MadeBy, IReadOnlyList<MyLeg> Legs)
{
    public static MyReferral From(Referral r, AgencyDefinitions agencies) =>
        new(r.Id, r.CreatedAt, r.ReferrerName, [.. r.Legs.OrderBy(l => l.Recipient.Name).Select(l => MyLeg.From(l, r.CreatedAt, agencies))]);

    /// <summary>Which organisation has been sent which sections of the plan, over all the referrals, whatever each leg's status now.</summary>
    public static IReadOnlyList<SectionsHeld> WhoHolds(IEnumerable<MyReferral> referrals)
    {
        var planOrder = PlanSectionCodes.All.ToList();
        return [.. referrals.SelectMany(r => r.Legs)
            .GroupBy(l => l.Organisation)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SectionsHeld(
                g.Key,
                g.First().AgencyName,
                [.. g.SelectMany(l => l.SharedSections).DistinctBy(s => s.Code).OrderBy(s => planOrder.IndexOf(s.Code))]))];
    }
}

/// <summary>An organisation and the sections of the young person's plan it has been sent.</summary>
public sealed record SectionsHeld(string Organisation, string AgencyName, IReadOnlyList<MySection> Sections);
