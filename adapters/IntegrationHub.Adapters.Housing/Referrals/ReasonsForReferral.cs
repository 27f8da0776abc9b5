namespace IntegrationHub.Adapters.Housing.Referrals;

/// <summary>
/// Why the duty to refer applies. The pathway plan's accommodation section is free text, so the adapter
/// does not guess from it: the caller says which (later, the PA on the referral). The default is
/// <see cref="ThreatenedWithHomelessness"/>, the earlier and more common case for a care leaver whose
/// placement or tenancy is ending, which opens the prevention duty; the housing authority's own
/// assessment decides the duty it owes.
/// </summary>
public static class ReasonsForReferral
{
    /// <summary>Already homeless: the relief duty may apply.</summary>
    public const string Homeless = "homeless";

    /// <summary>Threatened with homelessness within 56 days: the prevention duty may apply.</summary>
    public const string ThreatenedWithHomelessness = "threatened-with-homelessness-within-56-days";

    public static IReadOnlyList<string> All { get; } = [Homeless, ThreatenedWithHomelessness];
}
