namespace IntegrationHub.Contracts.V1;

/// <summary>
/// Where a care leaver lives now, in the categories of the Department for Education's SSDA903 children looked after
/// return (care leavers: ACCOM). The return writes the letter followed by 1 when the accommodation is suitable and 2
/// when it is not; here the letter and the suitability are kept apart, and <see cref="OnlyUnsuitable"/> and
/// <see cref="NoInformation"/> say where the return does not take both. Codes and labels as the return's validation
/// rule 133 and its guide give them (data-to-insight/csc-validator-be-903, lac_validator/rules/lac2022_23/rule_133.py,
/// unchanged in later years; the guide's labels as in data-to-insight's SSDA903 code sets).
/// </summary>
public static class AccommodationCodes
{
    public const string WithParentsOrRelatives = "B";
    public const string CommunityHome = "C";
    public const string SemiIndependent = "D";
    public const string SupportedLodgings = "E";
    public const string GoneAbroad = "G";
    public const string Deported = "H";
    public const string OrdinaryLodgings = "K";
    public const string ResidenceNotKnown = "R";
    public const string NoFixedAbode = "S";
    public const string Foyers = "T";
    public const string IndependentLiving = "U";
    public const string EmergencyAccommodation = "V";
    public const string BedAndBreakfast = "W";
    public const string InCustody = "X";
    public const string OtherAccommodation = "Y";
    public const string WithFormerFosterCarers = "Z";

    /// <summary>The return's 0: the leaving care team is not in touch and does not know; no suitability is given with it.</summary>
    public const string NoInformation = "0";

    public static IReadOnlyList<string> All { get; } =
    [
        WithParentsOrRelatives, CommunityHome, SemiIndependent, SupportedLodgings, GoneAbroad, Deported, OrdinaryLodgings,
        ResidenceNotKnown, NoFixedAbode, Foyers, IndependentLiving, EmergencyAccommodation, BedAndBreakfast, InCustody,
        OtherAccommodation, WithFormerFosterCarers, NoInformation,
    ];

    /// <summary>The return takes these only as not suitable: rule 133 allows S2 and X2, never S1 or X1.</summary>
    public static IReadOnlyList<string> OnlyUnsuitable { get; } = [NoFixedAbode, InCustody];

    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [WithParentsOrRelatives] = "With parent(s) or relative(s)",
        [CommunityHome] = "Community home or other form of residential care such as a National Health Service (NHS) establishment",
        [SemiIndependent] = "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained accommodation with specialist personal assistance support (for example, for young people with disabilities, pregnant young women and single parents); and self-contained accommodation with floating support",
        [SupportedLodgings] = "Supported lodgings (accommodation, usually in a family home, where adult(s) in the “host family” provide formal advice and support)",
        [GoneAbroad] = "Gone abroad",
        [Deported] = "Deported",
        [OrdinaryLodgings] = "Ordinary lodgings, without formal support",
        [ResidenceNotKnown] = "Residence not known",
        [NoFixedAbode] = "No fixed abode / homeless",
        [Foyers] = "Foyers and similar supported accommodation which combines the accommodation with opportunities for education, training or employment",
        [IndependentLiving] = "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or housing association tenancy, or accommodation provided by a college or university. Includes flat sharing",
        [EmergencyAccommodation] = "Emergency accommodation (like a night shelter, direct access or emergency hostel)",
        [BedAndBreakfast] = "Bed and breakfast",
        [InCustody] = "In custody",
        [OtherAccommodation] = "Other accommodation",
        [WithFormerFosterCarers] = "With former foster carer(s): the young person was fostered and on turning 18 stays with the carer(s) who fostered them immediately before, and the plan is for them to remain with that family. Not for 17-year-old care leavers; used rather than B where the foster carer is also a relative",
        [NoInformation] = "Not in touch with the young person and do not know their accommodation, or the young person has died, or returned home to live with parents or someone with parental responsibility for a continuous period of 6 months or more",
    };
}
