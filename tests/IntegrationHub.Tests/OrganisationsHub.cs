using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Hosting;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests;

/// <summary>
/// A local authority whose legs of one agency type go to more than one organisation: tenant A's NHS
/// legs go to its own trust for young people living at home and to the Leeds ICB for those living in
/// Leeds (out of area); its housing legs to its own housing authority or Leeds's. The agency's default
/// organisation is still in the directory, with no legs of tenant A. An Entra ID application acts for the Leeds ICB.
/// </summary>
public class OrganisationsHub : HubFactory
{
    public const string HomeTrust = "RX3";
    public const string HomeTrustName = "Northern Care NHS Trust";
    public const string LeedsIcb = "15F";
    public const string LeedsIcbName = "NHS West Yorkshire ICB (Leeds)";

    /// <summary>The Entra ID application (client id) the Leeds ICB's system calls the hub with, app-only.</summary>
    public const string LeedsIcbApplication = "6a0d6b1e-2f4c-4d8e-9b1a-0c5e7f3d2a91";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting($"Tenants:LocalAuthorities:{TenantA}:Name", "Council A");
        builder.UseSetting($"AgencyDirectory:Tenants:{TenantA}:{Nhs}:Code", HomeTrust);
        builder.UseSetting($"AgencyDirectory:Tenants:{TenantA}:{Nhs}:Name", HomeTrustName);
        builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:{Nhs}:Code", LeedsIcb);
        builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:{Nhs}:Name", LeedsIcbName);
        builder.UseSetting($"AgencyDirectory:Organisations:{LeedsIcb}:EntraApplications:0", LeedsIcbApplication);
    }

    /// <summary>
    /// One young person living at home and one living in Leeds, each referred to the NHS and housing by a
    /// Personal Adviser of tenant A; the NHS leg under consent for the one at home and public task for the one in Leeds.
    /// </summary>
    public async Task<TwoAreas> ReferAtHomeAndInLeedsAsync()
    {
        using var pa = PersonalAdviser();
        var (home, homeReferral) = await ReferAsync(pa, residenceArea: null, "consent");
        var (leeds, leedsReferral) = await ReferAsync(pa, OutOfArea, "public-task");
        return new TwoAreas(home, homeReferral, leeds, leedsReferral);
    }

    static async Task<(YoungPersonDetails, ReferralAccepted)> ReferAsync(HttpClient pa, string? residenceArea, string nhsBasis)
    {
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson() with { ResidenceArea = residenceArea });
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Accommodation, Health));
        var nhs = nhsBasis == "consent" ? Consent() : new LawfulBasisInput(nhsBasis, null, null, "Section 23C Children Act 1989");
        var referral = await pa.MakeReferralAsync(new MakeReferral(
            person.Id, plan.Number, "Moving on from supported lodgings", [Accommodation, Health], [To(Nhs, nhs), To(Housing, Consent())]));
        return (person, referral);
    }
}

/// <summary>The young person at home and the one in Leeds, with their referrals.</summary>
public sealed record TwoAreas(YoungPersonDetails Home, ReferralAccepted HomeReferral, YoungPersonDetails Leeds, ReferralAccepted LeedsReferral)
{
    public Guid HomeLeg(string agency) => HomeReferral.LegIdOf(agency);

    public Guid LeedsLeg(string agency) => LeedsReferral.LegIdOf(agency);
}
