using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Benchmarks;

/// <summary>What the hub did end to end, from an HTTP submission with a real JWT to each agency's queue and back.</summary>
public sealed record HubFigures(
    double LegsPerSecond,
    int LegsDelivered,
    int LegsExpected,
    Percentiles Paced,
    int PacedMissing,
    int Overloaded,
    int AnswersSent,
    int AnswersApplied,
    TimeSpan AnswersSettledIn,
    Profile SaturatedProfile,
    double BrokerMessagesPerLeg);

/// <summary>
/// The hub as a process of its own on PostgreSQL and RabbitMQ, the three agencies on AMQP answered by
/// <see cref="Partners"/>: first saturated (referrals submitted as fast as eight clients get answers), then paced.
/// </summary>
public static class HubEndToEnd
{
    const int Clients = 8;
    const int YoungPeople = 10;
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    static readonly string[] Agencies = [AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp];

    public static async Task<HubFigures> MeasureAsync(HubProcess hub, Partners partners, Sizes sizes)
    {
        using var pa = hub.PersonalAdviser();
        var people = new Guid[YoungPeople];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = await RegisterWithPlanAsync(pa);
        }

        var submitted = new ConcurrentDictionary<Guid, long>();
        var overloaded = new Overloaded();
        Task Submit(int i) => SubmitAsync(pa, people[i % people.Length], submitted, overloaded);

        // Warm-up: the hub's first requests, dispatches and answers compile their code paths, and the runtime recompiles
        // the busy ones optimised. Its answers are all applied before the saturated run starts, so none is left to it.
        await Pace.FloodAsync(sizes.HubWarmUpReferrals, Clients, Submit);
        await DeliveredAsync(partners, submitted.Keys.ToHashSet(), Patience);
        var warmUpAnswers = partners.AnswersSent;
        await Eventually.WaitAsync(() => AcceptedLegsAsync(hub), n => n >= warmUpAnswers, "every warm-up answer applied", Patience);
        submitted.Clear();
        overloaded.Count = 0;

        var publishedBefore = await BrokerMessages.PublishedAsync();
        var profile = await ProfileSampler.StartAsync(hub);
        var start = Stopwatch.GetTimestamp();
        await Pace.FloodAsync(sizes.HubReferrals, Clients, Submit);
        var saturated = await DeliveredAsync(partners, submitted.Keys.ToHashSet(), Patience);
        var elapsed = Stopwatch.GetElapsedTime(start, saturated.Count == 0 ? Stopwatch.GetTimestamp() : saturated.Max(d => d.At));
        var saturatedProfile = await profile.StopAsync();
        submitted.Clear();

        await Pace.RunAsync(sizes.HubRate, sizes.HubPacedFor, Submit);
        var expected = submitted.Count * Sizes.LegsPerReferral;
        var paced = await DeliveredAsync(partners, submitted.Keys.ToHashSet(), Patience);
        var latencies = new Latencies();
        foreach (var delivery in paced)
        {
            latencies.Add(submitted[delivery.Referral], delivery.At);
        }

        var answered = partners.AnswersSent;
        var settling = Stopwatch.GetTimestamp();
        var applied = await Eventually.WaitAsync(() => AcceptedLegsAsync(hub), n => n >= answered, "every answer applied", Patience);
        var settled = Stopwatch.GetElapsedTime(settling);
        // Each leg delivered in either run has had its answer applied by now, so every message of its journey is counted.
        var published = await BrokerMessages.PublishedAsync() - publishedBefore;
        return new HubFigures(
            saturated.Count / elapsed.TotalSeconds,
            saturated.Count,
            sizes.HubReferrals * Sizes.LegsPerReferral,
            latencies.Summarise(),
            expected - paced.Count,
            overloaded.Count,
            answered,
            applied,
            settled,
            saturatedProfile,
            (double)published / (saturated.Count + paced.Count));
    }

    /// <summary>Waits until every leg of the referrals has reached its agency, or the patience runs out; returns what arrived.</summary>
    static async Task<List<Delivery>> DeliveredAsync(Partners partners, IReadOnlySet<Guid> referrals, TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            partners.ThrowIfStopped();
            var arrived = partners.Deliveries.Where(d => referrals.Contains(d.Referral)).ToList();
            if (arrived.Count >= referrals.Count * Sizes.LegsPerReferral || Stopwatch.GetTimestamp() > deadline)
            {
                return arrived;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>
    /// Submits one referral as a well-behaved client does: a 503 (the hub overloaded: more API requests in hand than it
    /// takes at once, or its database connections all busy longer than it waits for one) is sent again, with the same
    /// Idempotency-Key, after the Retry-After it gives, for as long as the benchmark's patience. The leg's latency counts
    /// from the first attempt, and each refusal is counted in <paramref name="overloaded"/>.
    /// </summary>
    static async Task SubmitAsync(HttpClient pa, Guid person, ConcurrentDictionary<Guid, long> submitted, Overloaded overloaded)
    {
        var at = Stopwatch.GetTimestamp();
        var key = Guid.NewGuid().ToString();
        var consent = new LawfulBasis("consent", "Pat Adviser", DateTimeOffset.UtcNow.AddMinutes(-5));
        var body = new ReferralRequest(person, 1, "Leaving care in March", Sections, [.. Agencies.Select(a => new AgencyRequest(a, $"Why we refer to {a}.", consent))]);
        var deadline = at + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await pa.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && Stopwatch.GetTimestamp() < deadline)
            {
                Interlocked.Increment(ref overloaded.Count);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            submitted[await IdAsync(response, HttpStatusCode.Accepted)] = at;
            return;
        }
    }

    sealed class Overloaded
    {
        public int Count;
    }

    static readonly string[] Sections = [PlanSectionCodes.Accommodation, PlanSectionCodes.Health, PlanSectionCodes.Eet, PlanSectionCodes.Financial, PlanSectionCodes.Justice];

    static async Task<Guid> RegisterWithPlanAsync(HttpClient pa)
    {
        using var registered = await pa.PostAsJsonAsync("/api/young-people", new YoungPersonRequest(
            "Riley", "Bench", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18).AddDays(-10), $"BENCH-{Guid.NewGuid():N}"[..20], "9434765919", "AB123456C", "X123456", "riley@example.org"));
        var id = await IdAsync(registered, HttpStatusCode.Created);
        using var plan = await pa.PostAsJsonAsync($"/api/young-people/{id}/pathway-plan/versions", new
        {
            sections = Sections.Select(code => new { code, needs = new[] { $"A need under {code}" }, actions = new[] { $"An action under {code}" } }),
        });
        await IdAsync(plan, HttpStatusCode.Created);
        return id;
    }

    static async Task<Guid> IdAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected
            ? (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {await response.Content.ReadAsStringAsync()}");

    static async Task<int> AcceptedLegsAsync(HubProcess hub) =>
        (int)await HubDatabase.CountAsync(hub, $"SELECT count(*) FROM legs WHERE \"Status\" = '{LegStatusCodes.Accepted}'");

    sealed record IdOnly(Guid Id);

    sealed record LawfulBasis(string Basis, string RecordedBy, DateTimeOffset RecordedAt);

    sealed record AgencyRequest(string Agency, string Reason, LawfulBasis LawfulBasis);

    sealed record ReferralRequest(Guid YoungPersonId, int PlanVersion, string Summary, string[] Sections, AgencyRequest[] Agencies);

    sealed record YoungPersonRequest(string GivenName, string FamilyName, DateOnly DateOfBirth, string LocalAuthorityPersonId, string NhsNumber, string NationalInsuranceNumber, string Crn, string Email);
}
