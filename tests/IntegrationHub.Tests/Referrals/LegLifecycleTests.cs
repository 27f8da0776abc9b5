using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Tests.Referrals;

public class LegLifecycleTests
{
    static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The FHIR Task.status transitions the design allows, written out independently of the product's table.</summary>
    static readonly (string From, string To)[] AllowedTransitions =
    [
        (Requested, Received), (Requested, Cancelled), (Requested, Failed),
        (Received, Accepted), (Received, Rejected), (Received, Cancelled),
        (Accepted, InProgress), (Accepted, Cancelled),
        (InProgress, OnHold), (InProgress, Completed), (InProgress, Cancelled),
        (OnHold, InProgress), (OnHold, Cancelled),
    ];

    static readonly string[] AllStatuses = [Requested, Received, Accepted, Rejected, InProgress, OnHold, Completed, Cancelled, Failed];

    public static TheoryData<string, string> Allowed() => ToTheoryData(AllowedTransitions);

    /// <summary>Every (from, to) pair over all statuses that is not in the allowed list, the status itself included.</summary>
    public static TheoryData<string, string> Refused() => ToTheoryData(
        from f in AllStatuses
        from t in AllStatuses
        where !AllowedTransitions.Contains((f, t))
        select (f, t));

    static TheoryData<string, string> ToTheoryData(IEnumerable<(string From, string To)> pairs)
    {
        var data = new TheoryData<string, string>();
        foreach (var (from, to) in pairs)
        {
            data.Add(from, to);
        }

        return data;
    }

    /// <summary>A change carrying a reason and an outcome, so only the transition itself can refuse it.</summary>
    static LegChange FullChange(string to) => new(to, "Tester", At, Reason: "Because", ReasonCode: "code", Outcome: "Done");

    [Fact]
    public void Lifecycle_knows_exactly_the_nine_fhir_task_statuses()
    {
        Assert.Equal(AllStatuses.Order(), LegLifecycle.Statuses.Order());
    }

    [Fact]
    public void Cross_product_covers_every_pair()
    {
        Assert.Equal(AllStatuses.Length * AllStatuses.Length, Allowed().Count() + Refused().Count());
        Assert.Equal(13, Allowed().Count());
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_transition_is_allowed(string from, string to)
    {
        Assert.True(LegLifecycle.IsAllowed(from, to));
        Assert.Null(LegLifecycle.Refusal(from, FullChange(to)));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Any_other_transition_is_refused(string from, string to)
    {
        Assert.False(LegLifecycle.IsAllowed(from, to));
        var refusal = LegLifecycle.Refusal(from, FullChange(to));
        Assert.NotNull(refusal);
        Assert.Contains($"'{from}'", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Requested, "bogus")]
    [InlineData("bogus", Received)]
    [InlineData("REQUESTED", Received)]
    public void Unknown_status_is_refused(string from, string to)
    {
        Assert.False(LegLifecycle.IsAllowed(from, to));
        Assert.NotNull(LegLifecycle.Refusal(from, FullChange(to)));
    }

    [Theory]
    [InlineData(Received, Rejected)]
    [InlineData(Requested, Cancelled)]
    [InlineData(InProgress, OnHold)]
    [InlineData(Requested, Failed)]
    public void Leg_needs_a_reason_to_be_rejected_cancelled_put_on_hold_or_failed(string from, string to)
    {
        foreach (var reason in new[] { null, "", "   " })
        {
            var refusal = LegLifecycle.Refusal(from, new LegChange(to, "Tester", At, Reason: reason));
            Assert.NotNull(refusal);
            Assert.Contains("reason", refusal, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(LegLifecycle.Refusal(from, new LegChange(to, "Tester", At, Reason: "Stated reason")));
    }

    [Fact]
    public void Declined_leg_needs_a_reason()
    {
        Assert.NotNull(LegLifecycle.Refusal(Received, new LegChange(Rejected, "Housing", At, ReasonCode: "no-local-connection")));
    }

    [Fact]
    public void Completed_leg_needs_an_outcome()
    {
        var refusal = LegLifecycle.Refusal(InProgress, new LegChange(Completed, "Tester", At, Reason: "A reason is not an outcome"));
        Assert.NotNull(refusal);
        Assert.Contains("outcome", refusal, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(LegLifecycle.Refusal(InProgress, new LegChange(Completed, "Tester", At, Outcome: " ")));
        Assert.Null(LegLifecycle.Refusal(InProgress, new LegChange(Completed, "Tester", At, Outcome: "Tenancy signed")));
    }

    [Theory]
    [InlineData(Received, Accepted)]
    [InlineData(Requested, Received)]
    [InlineData(Accepted, InProgress)]
    [InlineData(OnHold, InProgress)]
    public void Moving_forward_needs_no_reason(string from, string to)
    {
        Assert.Null(LegLifecycle.Refusal(from, new LegChange(to, "Tester", At)));
    }

    [Theory]
    [InlineData(Rejected, true)]
    [InlineData(Completed, true)]
    [InlineData(Cancelled, true)]
    [InlineData(Failed, true)]
    [InlineData(Requested, false)]
    [InlineData(Received, false)]
    [InlineData(Accepted, false)]
    [InlineData(InProgress, false)]
    [InlineData(OnHold, false)]
    public void Only_rejected_completed_cancelled_and_failed_are_terminal(string status, bool terminal)
    {
        Assert.Equal(terminal, LegLifecycle.IsTerminal(status));
    }
}
