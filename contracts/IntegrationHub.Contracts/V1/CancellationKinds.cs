namespace IntegrationHub.Contracts.V1;

/// <summary>Why a leg was cancelled, as the NHS referral standard distinguishes it.</summary>
public static class CancellationKinds
{
    /// <summary>The referral was right when made; circumstances have changed (FHIR ServiceRequest revoked).</summary>
    public const string CircumstancesChanged = "circumstances-changed";

    /// <summary>The referral should never have been made (FHIR ServiceRequest entered-in-error).</summary>
    public const string EnteredInError = "entered-in-error";

    /// <summary>
    /// The young person withdrew their consent to share with this agency, the leg's lawful basis (FHIR ServiceRequest
    /// revoked): stop processing what was shared on it.
    /// </summary>
    public const string ConsentWithdrawn = "consent-withdrawn";

    public static IReadOnlyList<string> All { get; } = [CircumstancesChanged, EnteredInError, ConsentWithdrawn];
}
