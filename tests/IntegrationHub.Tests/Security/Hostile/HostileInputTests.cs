using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using IntegrationHub.Security;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Hostile;
using IntegrationHub.Tests.Security.AccessMatrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security.Hostile;

/// <summary>Hostile input changes nothing, on SQLite.</summary>
public sealed class HostileInputTests(MatrixHub hub, ITestOutputHelper output) : HostileInputSpecification(hub, output), IClassFixture<MatrixHub>;

/// <summary>
/// Hostile input changes nothing, on whichever database the hub runs (SQLite here, PostgreSQL in the integration tests): every write the OpenAPI document lists gets at least 1,000 requests that are
/// each invalid by construction (<see cref="HostileRequests"/>), sent as a caller allowed to write there about an object of
/// their own from the access matrix's world; each must be refused as <see cref="Refusal"/> says, and the database must be
/// the same afterwards, row for row.
/// </summary>
public abstract class HostileInputSpecification(MatrixHub hub, ITestOutputHelper output)
{
    public const int CasesPerEndpoint = 1_000;

    public static TheoryData<string> Writes => [.. AccessTable.Rows.Where(IsDocumentedWrite).Select(r => r.Endpoint)];

    /// <summary>The API's and the FHIR facade's writes: what the OpenAPI document can list. The pages' forms are not in it.</summary>
    static bool IsDocumentedWrite(AccessRow row) =>
        row.Method is not ("GET" or "ANY") && !row.IsPage && (row.Route.StartsWith("/api/", StringComparison.Ordinal) || row.Route.StartsWith("/fhir/", StringComparison.Ordinal));

    [Fact]
    public async Task Every_write_the_OpenAPI_document_lists_is_attacked()
    {
        var documented = OpenApiWrites.Of(await OpenApiAsync());
        var attacked = AccessTable.Rows.Where(IsDocumentedWrite).Select(r => $"{r.Method} {WriteEndpoint.OpenApiRoute(r.Route)}").ToHashSet();

        var unattacked = documented.Where(d => !attacked.Contains(d)).ToList();
        Assert.True(unattacked.Count == 0, $"Writes the OpenAPI document lists with no row in AccessTable to attack them by:\n{string.Join('\n', unattacked)}");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Hostile_requests_are_refused_naming_the_field_and_change_nothing(string write)
    {
        var openApi = await OpenApiAsync();
        var endpoint = Endpoint(AccessTable.Row(write), openApi);
        using var client = hub.CreateClient();
        var before = await QuietDigestAsync();
        var clock = Stopwatch.StartNew();

        await HostileRequests.For(endpoint, openApi).SampleAsync(
            async request =>
            {
                if (await Refusal.FaultAsync(client, request) is { } fault)
                {
                    Assert.Fail(fault);
                }
            },
            iter: CasesPerEndpoint,
            threads: 2,
            print: request => request.ToString());

        var changes = DatabaseDigest.Changes(before, await DigestAsync());
        output.WriteLine($"{write}: {CasesPerEndpoint} hostile requests refused in {clock.Elapsed.TotalSeconds:F1} s; tables changed: {changes.Count}.");
        Assert.True(changes.Count == 0, $"{write}: hostile requests changed the database:\n{string.Join('\n', changes)}");
    }

    async Task<JsonNode> OpenApiAsync()
    {
        using var client = hub.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    /// <summary>The write as the first caller it admits reaches it, about that caller's own (ended) objects, with the matrix's sound body.</summary>
    WriteEndpoint Endpoint(AccessRow row, JsonNode openApi)
    {
        var caller = Caller.All.First(c => !c.IsAnonymous && row.Who.Admits(c));
        var cell = new Cell(row, caller, row.Object.HasOwner ? Ownership.Own : null, hub.World);
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {hub.Services.GetRequiredService<LocalTokenIssuer>().Mint(hub.UserOf(caller))}" };
        var (body, contentType) = row.Body?.Invoke(cell) switch
        {
            Payload.Json json => (JsonSerializer.Serialize(json.Value, JsonSerializerOptions.Web), "application/json"),
            Payload.Text text => (text.Body, text.ContentType),
            null => ((string?)null, "application/json"),
            var other => throw new InvalidOperationException($"{row.Endpoint} sends {other}, which no API write takes."),
        };
        foreach (var (name, value) in (row.Body?.Invoke(cell) as Payload.Text)?.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        var route = WriteEndpoint.OpenApiRoute(row.Route);
        return new WriteEndpoint(row.Method, route, WriteEndpoint.ValuesIn(row.Route, cell.Address), WriteEndpoint.GuidParametersOf(row.Route), body, contentType, headers,
            OpenApiWrites.RequestSchema(openApi, row.Method, route), row.Allowed.Code.StartsWith("400 ", StringComparison.Ordinal) ? [row.Allowed.Code[4..]] : []);
    }

    /// <summary>
    /// The digest once the hub's own background work is done: the world's events dispatched from the outbox and their
    /// consumers' notifications written, so that only the attack can change what is compared after it.
    /// </summary>
    async Task<IReadOnlyDictionary<string, string>> QuietDigestAsync()
    {
        var (digest, _, _) = await Eventually.WaitAsync(
            async () =>
            {
                var first = await DigestAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
                var unsent = await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == null && m.ParkedAt == null && m.NextAttemptAt == null));
                return (first, Second: await DigestAsync(), Unsent: unsent);
            },
            quiet => quiet.Unsent == 0 && DatabaseDigest.Changes(quiet.first, quiet.Second).Count == 0,
            "the hub's background work to settle (nothing due in the outbox, no table changing for a second)",
            TimeSpan.FromMinutes(1));
        return digest;
    }

    Task<IReadOnlyDictionary<string, string>> DigestAsync() => hub.QueryAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        return await DatabaseDigest.TakeAsync(db.Database.GetDbConnection(), db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct());
    });
}
