using IntegrationHub.Adapters.Channels.Delivery;

namespace IntegrationHub.Adapters.Channels.Tests.Delivery;

public class DeliveryRetryOptionsTests
{
    [Fact]
    public void By_default_a_leg_is_retried_for_twelve_hours_starting_a_minute_apart_and_never_more_than_half_an_hour()
    {
        var retry = new DeliveryRetryOptions();

        Assert.Equal(TimeSpan.FromHours(12), retry.RetryBudget);
        Assert.Empty(retry.Problems());
        Assert.Equal(
            [1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(1, 7).Select(failed => retry.IntervalAfter(failed).TotalMinutes));
    }

    [Fact]
    public void Settings_that_could_not_retry_are_refused_naming_each()
    {
        var retry = new DeliveryRetryOptions { FirstRetry = TimeSpan.FromMinutes(10), MaxInterval = TimeSpan.FromMinutes(5), RetryBudget = TimeSpan.FromMinutes(1) };

        Assert.Equal(
            ["Adapters:Delivery:MaxInterval must be at least FirstRetry.", "Adapters:Delivery:RetryBudget must be at least FirstRetry, or no attempt would be retried."],
            retry.Problems());
        Assert.Equal(["Adapters:Delivery:FirstRetry must be positive."], new DeliveryRetryOptions { FirstRetry = TimeSpan.Zero }.Problems());
    }
}
