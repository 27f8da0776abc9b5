namespace IntegrationHub.Benchmarks;

/// <summary>How much each measurement sends: the full run's counts, or <c>--quick</c>'s small ones for a smoke run.</summary>
public sealed record Sizes(
    int AnchorMessages,
    int AnchorRate,
    TimeSpan AnchorPacedFor,
    int HubWarmUpReferrals,
    int HubReferrals,
    int HubRate,
    TimeSpan HubPacedFor,
    int[] BoardLegs,
    int BoardRepeats)
{
    /// <summary>
    /// Within the 15 minutes on 2 cores: the anchors take seconds; the hub warms up on 300 referrals (enough calls of each
    /// of its code paths for the runtime's optimised recompilation), then its saturated run delivers 4,500 legs (48 s at
    /// the 93 legs/s measured before the dispatcher's rework) and its paced one as many; the board's largest size is the
    /// one the issue names.
    /// </summary>
    public static Sizes Full { get; } = new(20_000, 200, TimeSpan.FromSeconds(15), 300, 1_500, 100, TimeSpan.FromSeconds(15), [10_000, 100_000, 1_000_000], 3);

    public static Sizes Quick { get; } = new(2_000, 200, TimeSpan.FromSeconds(3), 20, 60, 100, TimeSpan.FromSeconds(2), [1_000, 3_000, 10_000], 1);

    /// <summary>Each agency answers every leg once; three agencies per referral.</summary>
    public const int LegsPerReferral = 3;
}
