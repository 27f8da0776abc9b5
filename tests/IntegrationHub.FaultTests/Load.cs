using System.Collections.Concurrent;
using IntegrationHub.IntegrationTests;

namespace IntegrationHub.FaultTests;

/// <summary>Referrals made as fast as a few Personal Advisers' systems would, spread over a few young people.</summary>
public static class Load
{
    public static async Task<Guid[]> YoungPeopleAsync(HttpClient pa, int count)
    {
        var people = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = await pa.RegisterWithPlanAsync();
        }

        return people;
    }

    /// <summary>Makes <paramref name="count"/> referrals, <paramref name="concurrency"/> at a time, each answered 202 (else it fails).</summary>
    public static Task ReferAsync(HttpClient pa, Guid[] people, int count, int concurrency, ConcurrentBag<Guid> accepted) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => accepted.Add(await pa.MakeReferralAsync(Fault.Agencies, people[i % people.Length])));
}
