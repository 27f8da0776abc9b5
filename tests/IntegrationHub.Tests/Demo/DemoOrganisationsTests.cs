using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.Tests.Demo;

/// <summary>
/// The demo as <c>dotnet run</c> shows it: its stand-in agencies answer as the organisations their legs
/// are addressed to, and a young person living in Leeds is referred to the Leeds ICB, whose worker alone sees the leg.
/// </summary>
public sealed class DemoOrganisationsTests(DemoOrganisationsTests.DemoHub hub) : IClassFixture<DemoOrganisationsTests.DemoHub>
{
    const string Tenant = "demo-council";
    const string LeedsIcb = "15F";

    IReadOnlyList<HubUser> Users => hub.Services.GetRequiredService<LocalUsers>().For(Tenant);

    [Fact]
    public async Task Stand_in_agencies_answer_as_the_organisations_their_legs_are_addressed_to()
    {
        // Adult social care and the two Leeds organisations work in the partner inbox: their legs wait there.
        string[] inPartnerInbox = [hub.OrganisationOf(AdultSocialCare, Tenant), HubFactory.OutOfAreaHousing, LeedsIcb];

        var legs = await Eventually.WaitAsync(
            () => hub.QueryAsync(db => db.Legs.Select(l => new { l.Recipient, l.Status }).ToListAsync()),
            legs => legs.Count == AgencyCodes.All.Count + 2 && legs.All(l => l.Status is LegStatusCodes.Accepted or LegStatusCodes.Rejected || inPartnerInbox.Contains(l.Recipient.Code)),
            "the stand-in of every agency on the demo channel to decide on its leg");

        Assert.Equal(inPartnerInbox.Order(), legs.Where(l => l.Status == LegStatusCodes.Requested).Select(l => l.Recipient.Code).Order());
        Assert.DoesNotContain(hub.Answers.Faults, f => f.ExceptionType == typeof(AnswerFromWrongOrganisationException).FullName);
    }

    [Fact]
    public async Task The_young_person_living_in_leeds_is_referred_to_the_leeds_icb_whose_worker_alone_sees_the_leg()
    {
        var kaisLeg = await Eventually.WaitAsync(
            async () => (await hub.QueryAsync(db => db.Legs.Where(l => l.Agency == Nhs).Select(l => new { l.Id, l.Recipient }).ToListAsync()))
                .Where(l => l.Recipient.Code == LeedsIcb).Select(l => l.Id).ToList(),
            ids => ids.Count == 1,
            "the demo referral to the Leeds ICB");
        var leedsWorker = Assert.Single(Users, u => u.Organisation == LeedsIcb);
        var ownWorker = Assert.Single(Users, u => u.Agency == Nhs && u.Organisation != LeedsIcb);
        using var leeds = hub.CreateClient(hub.Token(leedsWorker));
        using var own = hub.CreateClient(hub.Token(ownWorker));

        var seenInLeeds = (await leeds.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs"))!.Select(l => l.Id);
        var seenAtHome = (await own.GetFromJsonAsync<List<AgencyLegSummary>>("/api/legs"))!.Select(l => l.Id);

        Assert.Equal(kaisLeg, seenInLeeds);
        Assert.DoesNotContain(kaisLeg.Single(), seenAtHome);
        Assert.Equal(Nhs, leedsWorker.Agency);
        Assert.Equal(hub.OrganisationOf(Nhs, Tenant), ownWorker.Organisation);
    }

    /// <summary>The demo's settings as appsettings.Development.json has them, with the stand-ins answering at once.</summary>
    public sealed class DemoHub : HubFactory
    {
        protected override IReadOnlyCollection<string> StubbedAgencies => [];

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:AnswerDelay", "00:00:00.050");
            builder.UseSetting("Demo:OutOfArea", OutOfArea);
            builder.UseSetting($"Tenants:LocalAuthorities:{Tenant}:Name", "Demo Council");
            builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:{Nhs}:Code", LeedsIcb);
            builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:{Nhs}:Name", "NHS West Yorkshire ICB (Leeds)");
            builder.UseSetting("Adapters:Agencies:0", "*");
            builder.UseSetting("Adapters:DefaultChannel", "Demo");
            builder.UseSetting($"Adapters:Organisations:{LeedsIcb}:Channel", "PartnerInbox");
            builder.UseSetting($"Adapters:Organisations:{OutOfAreaHousing}:Channel", "PartnerInbox");
        }
    }
}
