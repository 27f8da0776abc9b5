using System.Globalization;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Testing;

/// <summary>
/// Legs as the hub would send them, but carrying ALL eleven pathway plan sections and all four
/// identifier types, as if the hub's data minimisation had a bug: each adapter must still send only
/// what its agency may see. Every string of a section starts with <see cref="Marker"/> of its code,
/// so a test can prove no text of an unshared section reached the output.
/// </summary>
public static class TestLegs
{
    public const string TenantId = "la-exampleshire";
    public const string LocalAuthorityPersonId = "LA-000123";
    public const string NhsNumber = "9434765919";
    public const string NationalInsuranceNumber = "AB123456C";
    public const string Crn = "X123456";

    public static readonly Guid ReferralId = new("0c7d2f6e-3b1a-4c59-9e8d-5a4b3c2d1e0f");
    public static readonly Guid LegId = new("6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8");
    public static readonly DateTimeOffset RequestedAt = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>18 on <see cref="RequestedAt"/>: age band 18-20.</summary>
    public static readonly DateOnly DateOfBirth = new(2006, 7, 2);

    /// <summary>The text every string of the section with this code starts with.</summary>
    public static string Marker(string sectionCode) => $"[{sectionCode}]";

    /// <summary>A leg for <paramref name="agency"/> with every section, every identifier and consent as its lawful basis.</summary>
    public static LegRequested Full(string agency) => new(
        LegId,
        ReferralId,
        TenantId,
        agency,
        Recipient(agency),
        RequestedAt,
        "Jordan leaves their supported lodgings in May and needs help with housing, work and money.",
        new PersonDetails(
            "Jordan",
            "Example",
            DateOfBirth,
            new ContactDetails("jordan.example@example.org", "07700 900123", "Flat 2, 10 Example Road, Exampletown", "EX1 2MP"),
            [
                new PersonIdentifier(IdentifierTypes.LocalAuthorityPersonId, LocalAuthorityPersonId),
                new PersonIdentifier(IdentifierTypes.NhsNumber, NhsNumber),
                new PersonIdentifier(IdentifierTypes.NationalInsuranceNumber, NationalInsuranceNumber),
                new PersonIdentifier(IdentifierTypes.Crn, Crn),
            ]),
        [.. PlanSectionCodes.All.Select(Section)],
        new LawfulBasis("consent", "Alex Morgan", new DateTimeOffset(2025, 3, 10, 14, 0, 0, TimeSpan.Zero), "Signed consent form on the case file."),
        new Referrer("Alex Morgan", "alex.morgan@exampleshire.gov.uk", "01632 960123", TenantId));

    /// <summary>The leg with only the given sections.</summary>
    public static LegRequested WithSections(this LegRequested leg, params string[] codes) =>
        leg with { Sections = [.. codes.Select(Section)] };

    /// <summary>The leg with only the identifiers of the given types.</summary>
    public static LegRequested WithIdentifiers(this LegRequested leg, params string[] types) =>
        leg with { Person = leg.Person with { Identifiers = [.. leg.Person.Identifiers.Where(i => types.Contains(i.Type))] } };

    public static LegRequested WithLawfulBasis(this LegRequested leg, string basis) =>
        leg with { LawfulBasis = leg.LawfulBasis with { Basis = basis } };

    public static LegRequested WithDateOfBirth(this LegRequested leg, DateOnly dateOfBirth) =>
        leg with { Person = leg.Person with { DateOfBirth = dateOfBirth } };

    /// <summary>
    /// The leg's personal data: names, date of birth (as JSON and as people write it), contact details and
    /// identifiers. A refusal's message is logged and shown on the referral, so it must contain none of it.
    /// </summary>
    public static IEnumerable<string> PersonalData(this LegRequested leg)
    {
        var person = leg.Person;
        string?[] texts =
        [
            person.GivenName,
            person.FamilyName,
            person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            person.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            person.Contact.Email,
            person.Contact.Phone,
            person.Contact.AddressLine,
            person.Contact.Postcode,
            .. person.Identifiers.Select(i => i.Value),
        ];
        return texts.OfType<string>().Where(t => t.Length > 0);
    }

    /// <summary>The Personal Adviser cancels the leg because circumstances changed.</summary>
    public static LegCancelled Cancelled(LegRequested leg) => new(
        leg.LegId,
        leg.ReferralId,
        leg.TenantId,
        leg.Agency,
        leg.Recipient,
        "The young person has withdrawn consent.",
        CancellationKinds.CircumstancesChanged,
        "Alex Morgan",
        new DateTimeOffset(2025, 3, 20, 11, 15, 0, TimeSpan.Zero),
        leg);

    public static Organisation Recipient(string agency) => agency switch
    {
        AgencyCodes.Housing => new Organisation("E07000999", "Exampleshire District Council Housing Options"),
        AgencyCodes.Nhs => new Organisation("X99999", "Exampleshire Integrated Care Board"),
        AgencyCodes.Dwp => new Organisation("JCP-EXT", "Exampletown Jobcentre Plus"),
        AgencyCodes.Probation => new Organisation("PDU-EXS", "Exampleshire Probation Delivery Unit"),
        AgencyCodes.Yos => new Organisation("YJS-EXS", "Exampleshire Youth Justice Service"),
        AgencyCodes.AdultSocialCare => new Organisation("ASC-EXS", "Exampleshire Adult Social Care Transitions Team"),
        _ => new Organisation("UNKNOWN", "Unknown agency"),
    };

    /// <summary>A pathway plan section whose every string starts with its <see cref="Marker"/>.</summary>
    public static PlanSection Section(string code)
    {
        var marker = Marker(code);
        var (need, action, owner) = code switch
        {
            PlanSectionCodes.Accommodation => ("Supported lodgings end on 31 May; needs a tenancy in Exampletown.", "Apply to the housing register.", "Alex Morgan (PA)"),
            PlanSectionCodes.Health => ("Anxiety; waiting for adult mental health talking therapy.", "GP review of medication.", "Dr Rivers (GP)"),
            PlanSectionCodes.Eet => ("Not in education, employment or training since leaving college.", "Work coach appointment; apprenticeship search.", "Alex Morgan (PA)"),
            PlanSectionCodes.Financial => ("Rent arrears of 300 pounds; no bank account.", "Open a basic bank account; claim Universal Credit.", "Alex Morgan (PA)"),
            PlanSectionCodes.Relationships => ("Limited contact with birth family; supportive older sibling.", "Family group conference.", "Sam Lee (social worker)"),
            PlanSectionCodes.PracticalSkills => ("Needs help budgeting and cooking before living alone.", "Independent living skills course.", "Key worker at the lodgings"),
            PlanSectionCodes.EmotionalBehavioural => ("Angry outbursts when plans change at short notice.", "Weekly mentoring sessions.", "Mentor service"),
            PlanSectionCodes.Identity => ("Wants to learn more about their heritage.", "Life story work.", "Sam Lee (social worker)"),
            PlanSectionCodes.Justice => ("Community order for criminal damage, ends in September.", "Attend every appointment with the YOS.", "YOS case manager"),
            PlanSectionCodes.Immigration => ("Leave to remain expires next year.", "Solicitor to apply for extension.", "Immigration solicitor"),
            PlanSectionCodes.Contingency => ("If the tenancy falls through, stay with the older sibling.", "Sibling agreed to a short stay.", "Alex Morgan (PA)"),
            _ => ("Unknown section.", "None.", "Nobody"),
        };
        return new PlanSection(code, [$"{marker} {need}"], [$"{marker} {action}"], $"{marker} {owner}", new DateOnly(2025, 6, 1));
    }
}
