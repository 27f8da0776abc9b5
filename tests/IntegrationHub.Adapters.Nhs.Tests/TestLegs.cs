using IntegrationHub.Contracts.V1;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Adapters.Nhs.Tests;

/// <summary>Legs as the hub would send them, and as a buggy hub might.</summary>
static class TestLegs
{
    public static readonly Guid LegId = new("6f1c2a4e-3b5d-4e7f-9a1b-2c3d4e5f6a7b");
    public static readonly Guid ReferralId = new("0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e");
    public static readonly DateTimeOffset RequestedAt = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    public const string NhsNumber = "9434765919";
    public const string NiNumber = "QQ123456C";
    public const string Crn = "X123456";
    public const string LaPersonId = "LA-000123";
    public const string OdsCode = "RRP";

    /// <summary>Every section carries text that names it, so a test can tell which section leaked.</summary>
    public static PlanSection Section(string code) => new(
        code,
        [$"{code} need one: secret-{code}-need", $"{code} need two"],
        [$"{code} action: secret-{code}-action"],
        $"{code} owner",
        new DateOnly(2026, 3, 1));

    /// <summary>
    /// A leg for the NHS carrying ALL eleven sections and all four identifier types, as if the hub
    /// had a bug: the adapter must still send only what the NHS may see.
    /// </summary>
    public static readonly Organisation Recipient = new(OdsCode, "Barnet, Enfield and Haringey Mental Health NHS Trust");

    public static LegRequested Full(string basis = "consent") => new(
        LegId,
        ReferralId,
        "barnet",
        AgencyCodes.Nhs,
        Recipient,
        RequestedAt,
        "Jordan needs a GP registration and a CAMHS-to-adult mental health transition assessment.",
        new PersonDetails(
            "Jordan",
            "Example",
            new DateOnly(2008, 4, 12),
            new ContactDetails("jordan@example.org", "07700 900123", "Flat 2, 10 High Street", "EN5 1AA"),
            [
                new PersonIdentifier(IdentifierTypes.NhsNumber, NhsNumber),
                new PersonIdentifier(IdentifierTypes.NationalInsuranceNumber, NiNumber),
                new PersonIdentifier(IdentifierTypes.Crn, Crn),
                new PersonIdentifier(IdentifierTypes.LocalAuthorityPersonId, LaPersonId),
            ]),
        [.. All.Select(Section)],
        new LawfulBasis(basis, "Pat Adviser", new DateTimeOffset(2026, 1, 2, 14, 0, 0, TimeSpan.Zero), "Signed consent form PP-42"),
        new Referrer("Pat Adviser", "pat.adviser@barnet.gov.uk", "020 8359 0000", "London Borough of Barnet"));

    public static LegCancelled Cancelled(
        string reason = "Jordan has moved to Leeds and registered with a GP there.", string kind = CancellationKinds.CircumstancesChanged) => new(
        LegId, ReferralId, "barnet", AgencyCodes.Nhs, Recipient, reason, kind, "Pat Adviser", new DateTimeOffset(2026, 1, 9, 11, 15, 0, TimeSpan.Zero), Full());
}
