using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// The access matrix as a test: every endpoint the hub routes has a row in <see cref="AccessTable"/>, and every endpoint,
/// as every <see cref="Caller"/>, about an object of each ownership case, gets the answer its row states.
/// </summary>
public sealed class AccessMatrixTests(MatrixHub hub, ITestOutputHelper output) : IClassFixture<MatrixHub>
{
    public static TheoryData<string> Endpoints => [.. AccessTable.Rows.Select(r => r.Endpoint)];

    [Fact]
    public void Every_endpoint_the_hub_routes_has_a_row()
    {
        var rows = AccessTable.Rows.Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);

        var withoutRow = RoutedEndpoints.Of(hub.Services).Where(e => !rows.Contains(e)).ToList();

        Assert.True(withoutRow.Count == 0, $"Endpoints with no row in AccessTable: say who may call each.\n{string.Join('\n', withoutRow)}");
    }

    [Fact]
    public void Every_row_names_an_endpoint_the_hub_routes_once()
    {
        var routed = RoutedEndpoints.Of(hub.Services);
        var rows = AccessTable.Rows.Where(r => !r.BeforeRouting).Select(r => r.Endpoint).ToList();

        var stale = rows.Where(r => !routed.Contains(r)).ToList();
        var repeated = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(stale.Count == 0, $"Rows of AccessTable for no endpoint the hub routes:\n{string.Join('\n', stale)}");
        Assert.True(repeated.Count == 0, $"Endpoints with more than one row:\n{string.Join('\n', repeated)}");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_caller_gets_the_answer_the_matrix_states_for_each_object(string endpoint)
    {
        var row = AccessTable.Row(endpoint);
        var cells = Caller.All.SelectMany(caller => row.Object.Cases.Select(ownership => new Cell(row, caller, ownership, hub.World))).ToList();

        // In parallel: no cell reads what another writes (the matrix's objects have ended; what a write makes is new).
        var replies = await Task.WhenAll(cells.Select(hub.SendAsync));

        var wrong = cells.Zip(replies)
            .Select(c => (Cell: c.First, Why: c.First.Expected.Mismatch(c.Second, c.First.ObjectId)))
            .Where(c => c.Why is not null)
            .Select(c => $"{c.Cell}: expected {c.Cell.Expected.Code} ({c.Cell.Expected.Words}); {c.Why}")
            .ToList();

        output.WriteLine($"{endpoint}: {cells.Count - wrong.Count} of {cells.Count} cells as the matrix states.");
        Assert.True(wrong.Count == 0, $"{endpoint}: {wrong.Count} of {cells.Count} cells not as the matrix states:\n{string.Join('\n', wrong)}");
    }
}
