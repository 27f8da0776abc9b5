using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.Tests.Delivery;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Security;

/// <summary>
/// Logs carry identifiers, never payloads: the whole flow, with the housing and Jobcentre adapters
/// in process (one webhook retried), logged at Debug in every category, and every line searched for
/// the young person's details.
/// </summary>
public sealed class PersonalDataInLogsTests(PersonalDataInLogsTests.LoggedHub hub) : IClassFixture<PersonalDataInLogsTests.LoggedHub>
{
    static readonly RegisterYoungPerson Zebedee = NewYoungPerson(new DateOnly(2007, 2, 13)) with
    {
        GivenName = "Zebedee",
        FamilyName = "Quillfeather",
        Email = "zebedee.quillfeather@example.org",
        Phone = "07700 900777",
        AddressLine = "17 Marigold Crescent",
        Postcode = "ZZ9 9ZZ",
        LocalAuthorityPersonId = "LA-QUILL-4471",
        NhsNumber = "4857392607",
        NationalInsuranceNumber = "JG103759A",
        Crn = "Q765432",
    };

    const string HealthNeed = "Recovering from an eating disorder after a hospital stay";
    const string Summary = "Leaving the Larkspur supported lodgings in March";
    static readonly string[] Referred = [Housing, Dwp, Nhs, Probation, Yos];

    [Fact]
    public async Task A_referral_from_registration_to_answers_logs_ids_and_never_the_young_persons_details()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(Zebedee);
        Assert.Equal(HttpStatusCode.BadRequest, (await pa.PostAsJsonAsync("/api/young-people", Zebedee with { NhsNumber = "4857392608", LocalAuthorityPersonId = "LA-QUILL-4472" })).StatusCode);
        string[] sections = [Accommodation, Financial, Health, Eet, Justice];
        var plan = await pa.CreatePlanVersionAsync(person.Id, new CreatePlanVersion([.. sections.Select(code => code == Health
            ? new NewPlanSection(code, [HealthNeed], ["Refer to adult eating disorder service"], "Personal Adviser", Today.AddMonths(1))
            : Section(code, $"Need in {code}"))]));
        var referral = await pa.MakeReferralAsync(new MakeReferral(
            person.Id, plan.Number, Summary, [.. sections], [.. Referred.Select(a => To(a, Consent()))]));

        foreach (var agency in new[] { Nhs, Probation, Yos })
        {
            var leg = await Eventually.WaitAsync(() => hub.Agencies.RequestedAt(agency).Where(l => l.ReferralId == referral.Id).ToList(), l => l.Count == 1, $"the {agency} leg");
            await hub.Bus.Publish(Accepted(leg[0]));
        }

        await pa.WaitForReferralAsync(
            referral.Id,
            r => r.LegOf(Housing).Status == LegStatusCodes.Received && new[] { Nhs, Probation, Yos }.All(a => r.LegOf(a).Status == LegStatusCodes.Accepted),
            "housing to receive the referral and the NHS, probation and the YOS to accept it");
        using var nhs = hub.AgencyWorker(Nhs);
        Assert.Equal(HttpStatusCode.OK, (await nhs.GetAsync("/api/legs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nhs.GetAsync($"/fhir/Task/{referral.LegIdOf(Nhs)}")).StatusCode);

        var lines = hub.Logs.ToList();
        Assert.Contains(lines, l => l.Contains(referral.Id.ToString(), StringComparison.Ordinal));
        string[] personal =
        [
            Zebedee.GivenName!, Zebedee.FamilyName!, Zebedee.Email!, Zebedee.Phone!, Zebedee.AddressLine!, Zebedee.Postcode!,
            Zebedee.LocalAuthorityPersonId!, Zebedee.NhsNumber!, "4857392608", Zebedee.NationalInsuranceNumber!, Zebedee.Crn!,
            "2007-02-13", "13/02/2007", HealthNeed, Summary, .. Referred.Select(ReasonFor),
        ];
        var leaks = personal.SelectMany(value => lines.Where(l => l.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(l => $"'{value}' in: {l}")).ToList();
        Assert.True(leaks.Count == 0, $"{lines.Count} log lines, {leaks.Count} with personal data:\n{string.Join("\n", leaks.Take(10))}");
    }

    public sealed class LoggedHub : AdaptersInProcessHub
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        public override int MaxRetryAttempts => 2;

        protected override int WebhookStatus(int call) => call == 1 ? 503 : 202;

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            base.ConfigureSettings(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Debug");
            foreach (var category in new[] { "IntegrationHub", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit", "Polly", "System.Net.Http" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Debug");
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        }
    }
}
