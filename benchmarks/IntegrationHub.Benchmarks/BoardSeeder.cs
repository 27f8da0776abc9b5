using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using Npgsql;

namespace IntegrationHub.Benchmarks;

/// <summary>
/// Grows the hub's database to a number of legs with PostgreSQL's binary COPY: referrals made over the last year, three
/// legs each (one per agency), each leg acknowledged and most decided, with the timeline entries the board reads. Every
/// column the board does not vary is copied from a row the hub itself wrote during the end-to-end run (its JSON, its
/// lawful basis, its tenant), so the rows are ones the hub can read back, whatever columns the model has by then.
/// The board's hub has a database of its own, so the sizes are exactly the legs seeded.
/// </summary>
public static class BoardSeeder
{
    static readonly string[] DeclineReasons = ["no-capacity", "out-of-area", "not-eligible", "duplicate"];

    /// <summary>
    /// Adds legs to <paramref name="board"/>'s database until it holds <paramref name="legs"/>, <paramref name="seeded"/>
    /// being there already, copying the columns it does not vary from rows of <paramref name="templates"/>'s.
    /// </summary>
    public static async Task SeedAsync(HubProcess templates, HubProcess board, int seeded, int legs)
    {
        await using var from = new NpgsqlConnection(HubDatabase.ConnectionString(templates));
        await from.OpenAsync();
        await using var connection = new NpgsqlConnection(HubDatabase.ConnectionString(board));
        await connection.OpenAsync();
        var random = new Random(legs);
        var now = DateTimeOffset.UtcNow;
        var referrals = (legs - seeded) / Sizes.LegsPerReferral;
        var made = new (Guid Id, DateTimeOffset At)[referrals];
        for (var i = 0; i < referrals; i++)
        {
            made[i] = (Guid.NewGuid(), now.AddMinutes(-random.Next(1, 365 * 24 * 60)));
        }

        var referral = await Table.ReadAsync(from, "referrals", "TRUE");
        await referral.CopyAsync(connection, made.Select(r => new Dictionary<string, object?> { ["Id"] = r.Id, ["CreatedAt"] = r.At }));

        // Each agency's leg is copied from that agency's own: its recipient and shared sections are the agency's. The legs
        // are made again, the same, for each pass: a million of them held at once would cost the machine a gigabyte.
        foreach (var agency in Agencies)
        {
            var template = await Table.ReadAsync(from, "legs", $"\"Agency\" = '{agency}'");
            await template.CopyAsync(connection, Legs(made, legs).Where(l => l.Agency == agency).Select(l => new Dictionary<string, object?>
            {
                ["Id"] = l.Id,
                ["ReferralId"] = l.Referral,
                ["Agency"] = l.Agency,
                ["Status"] = l.Status,
                ["ReasonCode"] = l.ReasonCode,
                ["UpdatedAt"] = l.Status == LegStatusCodes.Received ? l.Acknowledged : l.Decided,
            }));
        }

        var entry = await Table.ReadAsync(from, "timeline_entries", $"\"Kind\" = '{TimelineKinds.StatusChanged}'");
        await entry.CopyAsync(connection, made.Select(r => Entry(r.Id, null, null, r.At, TimelineKinds.ReferralMade, null, null)).Concat(Legs(made, legs).SelectMany(l =>
            l.Status == LegStatusCodes.Received
                ? [Entry(l.Referral, l.Id, l.Agency, l.Acknowledged, TimelineKinds.StatusChanged, LegStatusCodes.Requested, LegStatusCodes.Received)]
                : new[]
                {
                    Entry(l.Referral, l.Id, l.Agency, l.Acknowledged, TimelineKinds.StatusChanged, LegStatusCodes.Requested, LegStatusCodes.Received),
                    Entry(l.Referral, l.Id, l.Agency, l.Decided, TimelineKinds.StatusChanged, LegStatusCodes.Received, l.Status),
                })));
        await using var analyse = new NpgsqlCommand("ANALYZE", connection);
        await analyse.ExecuteNonQueryAsync();
    }

    static readonly string[] Agencies = [AgencyCodes.Housing, AgencyCodes.Nhs, AgencyCodes.Dwp];

    sealed record SeededLeg(Guid Id, Guid Referral, string Agency, string Status, string? ReasonCode, DateTimeOffset Acknowledged, DateTimeOffset Decided);

    /// <summary>Three legs per referral: 65% accepted, 15% declined with a reason code, the rest acknowledged only. The same legs each time for the same seed.</summary>
    static IEnumerable<SeededLeg> Legs((Guid Id, DateTimeOffset At)[] referrals, int seed)
    {
        var random = new Random(seed + 1);
        var id = new byte[16];
        foreach (var (referral, at) in referrals)
        {
            foreach (var agency in Agencies)
            {
                random.NextBytes(id);
                var acknowledged = at.AddMinutes(random.Next(5, 48 * 60));
                var decided = acknowledged.AddMinutes(random.Next(60, 20 * 24 * 60));
                var roll = random.NextDouble();
                var status = roll < 0.65 ? LegStatusCodes.Accepted : roll < 0.80 ? LegStatusCodes.Rejected : LegStatusCodes.Received;
                var reason = status == LegStatusCodes.Rejected ? DeclineReasons[random.Next(DeclineReasons.Length)] : null;
                yield return new SeededLeg(new Guid(id), referral, agency, status, reason, acknowledged, decided);
            }
        }
    }

    static Dictionary<string, object?> Entry(Guid referral, Guid? leg, string? agency, DateTimeOffset at, string kind, string? from, string? to) => new()
    {
        ["ReferralId"] = referral,
        ["LegId"] = leg,
        ["Agency"] = agency,
        ["At"] = at,
        ["Kind"] = kind,
        ["FromStatus"] = from,
        ["ToStatus"] = to,
    };

    /// <summary>A table's writable columns (not generated, not an identity) and one of its rows, to copy with some columns changed.</summary>
    sealed class Table(string name, IReadOnlyList<(string Name, string Type)> columns, IReadOnlyDictionary<string, object?> row)
    {
        public static async Task<Table> ReadAsync(NpgsqlConnection connection, string name, string where)
        {
            var columns = new List<(string, string)>();
            await using (var command = new NpgsqlCommand(
                "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = @table AND is_generated = 'NEVER' AND is_identity = 'NO' ORDER BY ordinal_position", connection))
            {
                command.Parameters.AddWithValue("table", name);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            await using var select = new NpgsqlCommand($"SELECT * FROM {name} WHERE {where} LIMIT 1", connection);
            await using var template = await select.ExecuteReaderAsync();
            if (!await template.ReadAsync())
            {
                throw new InvalidOperationException($"No row of {name} where {where} to seed from: the end-to-end run should have written one.");
            }

            var row = Enumerable.Range(0, template.FieldCount).ToDictionary(template.GetName, i => template.IsDBNull(i) ? null : template.GetValue(i));
            return new Table(name, columns, row);
        }

        public async Task CopyAsync(NpgsqlConnection connection, IEnumerable<IReadOnlyDictionary<string, object?>> rows)
        {
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            await using var writer = await connection.BeginBinaryImportAsync($"COPY {name} ({list}) FROM STDIN (FORMAT BINARY)");
            foreach (var changed in rows)
            {
                await writer.StartRowAsync();
                foreach (var (column, type) in columns)
                {
                    var value = changed.TryGetValue(column, out var given) ? given : row[column];
                    if (value is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(value, type);
                    }
                }
            }

            await writer.CompleteAsync();
        }
    }
}
