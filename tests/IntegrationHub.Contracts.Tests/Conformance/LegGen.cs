using CsCheck;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// Legs and cancellations as the hub may send them, across every sharing matrix (any subset of the plan's
/// sections, including sections the agency may not see, as if the hub's minimisation had a bug), every
/// combination of identifiers, contact details and optional fields, and ages in and out of the care leaver range.
/// </summary>
public static class LegGen
{
    static readonly DateTimeOffset Earliest = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly string[] LawfulBases = ["consent", "legal-obligation", "public-task", "vital-interests"];

    /// <summary>Words as people write them: letters, digits, spaces, punctuation and accents, never blank.</summary>
    public static readonly Gen<string> Text =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-',.&éöñ’"], 1, 60].Where(s => !string.IsNullOrWhiteSpace(s));

    public static readonly Gen<DateTimeOffset> Instant =
        Gen.Long[0, (long)TimeSpan.FromDays(3 * 365).TotalSeconds].Select(s => Earliest.AddSeconds(s));

    static readonly Gen<string?> Email = Gen.OneOf("jordan@example.org", "a.b-c@example.gov.uk").Null(0.4);
    static readonly Gen<string?> Phone = Gen.OneOf("07700 900123", "+44 1632 960000").Null(0.4);

    /// <summary>A valid NHS number: nine digits and their modulus-11 check digit (none where it would be 10).</summary>
    public static readonly Gen<string> NhsNumber =
        Gen.Int[0, 9].Array[9].Select(d => (Digits: d, Check: 11 - (d.Select((x, i) => x * (10 - i)).Sum() % 11)))
            .Where(n => n.Check != 10)
            .Select(n => string.Concat(n.Digits) + (n.Check == 11 ? 0 : n.Check));

    /// <summary>A National Insurance number HMRC could issue (no D, F, I, Q, U, V prefix letters, no O second, no excluded prefix).</summary>
    public static readonly Gen<string> NationalInsuranceNumber =
        Gen.Select(Gen.Char["ABCEGHJKLMNPRSTWXYZ"], Gen.Char["ABCEGHJKLMNPRSTWXYZ"], Gen.Int[0, 999_999], Gen.Char["ABCD"])
            .Select((a, b, n, s) => $"{a}{b}{n:D6}{s}")
            .Where(n => !new[] { "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" }.Contains(n[..2]));

    public static readonly Gen<string> Crn = Gen.Select(Gen.Char['A', 'Z'], Gen.Int[0, 999_999]).Select((c, n) => $"{c}{n:D6}");

    public static readonly Gen<string> LocalAuthorityPersonId =
        Gen.String[Gen.Char["ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-"], 1, 32].Where(s => s.Any(char.IsAsciiLetterOrDigit));

    static readonly Gen<PersonIdentifier[]> Identifiers =
        Gen.Select(NhsNumber.Null(0.5), NationalInsuranceNumber.Null(0.5), Crn.Null(0.5), LocalAuthorityPersonId.Null(0.3))
            .Select((nhs, nino, crn, la) => new (string Type, string? Value)[]
                {
                    (IdentifierTypes.LocalAuthorityPersonId, la), (IdentifierTypes.NhsNumber, nhs),
                    (IdentifierTypes.NationalInsuranceNumber, nino), (IdentifierTypes.Crn, crn),
                }
                .Where(i => i.Value is not null)
                .Select(i => new PersonIdentifier(i.Type, i.Value!))
                .ToArray());

    static Gen<PlanSection> Section(string code) =>
        Gen.Select(Text.Array[0, 4], Text.Array[0, 4], Text.Null(0.3), Gen.DateOnly[new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31)].Nullable(0.3))
            .Select((needs, actions, owner, review) => new PlanSection(code, needs, actions, owner, review));

    /// <summary>Any subset of the plan's sections, in the plan's order.</summary>
    static readonly Gen<PlanSection[]> Sections =
        Each(PlanSectionCodes.All.Select(code => Section(code).Null(0.5))).Select(s => s.OfType<PlanSection>().ToArray());

    /// <summary>One value of each generator, in order.</summary>
    public static Gen<T[]> Each<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (values, next) => values.SelectMany(v => next.Select(n => (T[])[.. v, n])));

    static Gen<Organisation> Recipient(string agency) =>
        Gen.Select(
            Gen.OneOf(Gen.Const(RegisteredAgencies.Definitions.For(agency).DefaultOrganisation.Code), ConfiguredCode),
            Text,
            agency == AgencyCodes.Nhs ? Gen.OneOf<string?>(null, OrganisationServices.Camhs, OrganisationServices.AdultMentalHealth) : Gen.Const((string?)null))
        .Select((code, name, service) => new Organisation(code, name, service));

    /// <summary>
    /// A code of the kind a council configures in its agency directory instead of the agency's default
    /// organisation (<c>E06000047</c>, <c>RX4</c>, <c>JCP-NE-17</c>, <c>YOT-042</c>).
    /// </summary>
    static readonly Gen<string> ConfiguredCode =
        Gen.String[Gen.Char["ABCEHJNPRTXYZ0123456789-"], 2, 12].Where(s => s.Any(char.IsAsciiLetterOrDigit));

    static readonly Gen<LawfulBasis> Basis =
        Gen.Select(
            Gen.Frequency((4, Gen.Const("consent")), (1, Gen.OneOf(LawfulBases))),
            Text,
            Instant,
            Text.Null(0.4),
            Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false))).Array[3]
                .Select(c => new HousingReferralConsents(c[0], c[1], c[2])).Null(0.5))
        .Select((basis, by, at, evidence, consents) => new LawfulBasis(basis, by, at, evidence, consents));

    /// <summary>A leg for one agency as the hub's outbox would put it on the bus.</summary>
    public static Gen<LegRequested> For(string agency) =>
        Gen.Select(
            Gen.Select(Gen.Guid, Gen.Guid, Gen.OneOf("demo-council", "la-exampleshire"), Recipient(agency), Instant, Text),
            Gen.Select(Person, Gen.Int[15 * 365, 26 * 365], Sections, Basis, Referrer))
        .Select((ids, details) =>
        {
            var (legId, referralId, tenant, recipient, at, reason) = ids;
            var (person, ageInDays, sections, basis, referrer) = details;
            return new LegRequested(legId, referralId, tenant, agency, recipient, at, reason,
                person with { DateOfBirth = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-ageInDays) },
                sections, basis, referrer);
        });

    /// <summary>A person without their date of birth, which <see cref="For"/> sets from the referral's date.</summary>
    static readonly Gen<PersonDetails> Person =
        Gen.Select(Text, Text, Email, Phone, Text.Null(0.4), Gen.OneOf("EX1 2MP", "NE1 4ST").Null(0.4), Identifiers)
            .Select((given, family, email, phone, address, postcode, ids) =>
                new PersonDetails(given, family, default, new ContactDetails(email, phone, address, postcode), ids));

    static readonly Gen<Referrer> Referrer =
        Gen.Select(Text, Email, Phone, Gen.OneOf("demo-council", "la-exampleshire"))
            .Select((name, email, phone, la) => new Referrer(name, email, phone, la));

    /// <summary>The cancellation of a leg, carrying the leg as it was sent.</summary>
    public static Gen<LegCancelled> CancellationFor(string agency) =>
        Gen.Select(For(agency), Text, Gen.OneOf([.. CancellationKinds.All]), Text, Gen.Long[0, 86_400 * 90])
            .Select((leg, reason, kind, by, later) => new LegCancelled(
                leg.LegId, leg.ReferralId, leg.TenantId, leg.Agency, leg.Recipient, reason, kind, by, leg.RequestedAt.AddSeconds(later), leg));
}
