namespace IntegrationHub.Contracts.V1;

/// <summary>Why a leg was cancelled, as the NHS referral standard distinguishes it.</summary>
public static class CancellationKinds
{
    /// <summary>The referral was right when made; circumstances have changed (FHIR ServiceRequest revoked).</summary>
    public const string CircumstancesChanged = "circumstances-changed";

    /// <summary>The referral should never have been made (FHIR ServiceRequest entered-in-error).</summary>
    public const string EnteredInError = "entered-in-error";

    public static IReadOnlyList<string> All { get; } = [CircumstancesChanged, EnteredInError];
}
