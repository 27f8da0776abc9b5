using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Tests.Referrals;

public class ReferralStatusTests
{
    [Theory]
    [InlineData(ReferralStatus.Sent, Requested)]
    [InlineData(ReferralStatus.Sent, Requested, Requested, Requested)]
    [InlineData(ReferralStatus.InProgress, Received, Requested)]
    [InlineData(ReferralStatus.InProgress, Rejected, Accepted, Accepted)]
    [InlineData(ReferralStatus.InProgress, Rejected, InProgress)]
    [InlineData(ReferralStatus.InProgress, Completed, OnHold)]
    [InlineData(ReferralStatus.InProgress, Cancelled, Requested)]
    [InlineData(ReferralStatus.Cancelled, Cancelled)]
    [InlineData(ReferralStatus.Cancelled, Cancelled, Cancelled, Cancelled)]
    [InlineData(ReferralStatus.Completed, Completed)]
    [InlineData(ReferralStatus.Completed, Completed, Rejected, Cancelled)]
    [InlineData(ReferralStatus.Completed, Completed, Failed)]
    [InlineData(ReferralStatus.Closed, Rejected, Rejected)]
    [InlineData(ReferralStatus.Closed, Rejected, Cancelled)]
    [InlineData(ReferralStatus.Closed, Failed, Cancelled)]
    public void Referral_status_rolls_up_from_its_legs(string expected, params string[] legStatuses)
    {
        Assert.Equal(expected, ReferralStatus.RollUp(legStatuses));
    }
}
