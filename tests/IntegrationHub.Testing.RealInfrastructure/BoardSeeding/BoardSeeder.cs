using IntegrationHub.Contracts.V1;
using Npgsql;
using NpgsqlTypes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Testing.BoardSeeding;

/// <summary>
/// What to seed: <see cref="Legs"/> legs for one local authority, three to a referral, made evenly over the
/// <see cref="Months"/> months before <see cref="Now"/>. The same <see cref="RandomSeed"/> gives the same rows.
/// </summary>
public sealed record BoardSeed(string TenantId, int Legs, DateTimeOffset Now, int Months = 24, int RandomSeed = 14);

/// <summary>The rows <see cref="BoardSeeder.SeedAsync"/> wrote.</summary>
public sealed record BoardSeeded(int YoungPeople, int Referrals, int Legs, int TimelineEntries, int Escalations);

/// <summary>
/// Fills a hub's PostgreSQL database (its schema already migrated) with the rows the board reads, by bulk copy
/// (<c>COPY ... FROM STDIN (FORMAT BINARY)</c>), so that 1,000,000 legs take seconds rather than the hours the API
/// would. Each referral has a young person, a referral-made entry and three legs to different agencies; each leg is
/// requested, then (most) acknowledged and decided at random times, with a status-changed entry for each answer as
/// the hub records them; about one leg in fifty has an escalation, half of them resolved.
/// Rows are written as the hub writes them (UTC times, JSON columns), so the hub's own queries read them.
/// </summary>
public static class BoardSeeder
{
    const string ReferralMade = "referral-made";
    const string LegRequested = "leg-requested";
    const string StatusChanged = "status-changed";
    const int LegsPerReferral = 3;

    static readonly string[] Agencies = [.. AgencyCodes.All];
    static readonly string[] Themes = ["housing", "health", "eet", "justice"];
    static readonly string[] DeclineReasons = ["already-supported", "intentionally-homeless", "not-eligible", "not-open-to-yos"];

    public static async Task<BoardSeeded> SeedAsync(string connectionString, BoardSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seed.Legs, LegsPerReferral);
        var random = new Random(seed.RandomSeed);
        var now = seed.Now.ToUniversalTime();
        var from = now.AddMonths(-seed.Months);
        var span = (now - from).Ticks;
        var referrals = seed.Legs / LegsPerReferral;

        var people = new List<(Guid Id, DateOnly Born, DateTimeOffset At)>(referrals);
        var made = new List<(Guid Id, Guid Person, DateTimeOffset At, string Status)>(referrals);
        var legs = new List<(Guid Id, Guid Referral, Guid Person, DateOnly Born, DateTimeOffset Made, string Agency, Answers Answers)>(referrals * LegsPerReferral);
        var timeline = new List<(Guid Referral, Guid? Leg, DateTimeOffset At, string Kind, string? Agency, string? From, string? To)>(referrals * LegsPerReferral * 3);
        var escalations = new List<(Guid Id, Guid Referral, Guid Leg, Guid Person, string Agency, int Level, DateTimeOffset Raised, DateTimeOffset? Resolved)>();

        for (var r = 0; r < referrals; r++)
        {
            var at = from.AddTicks((long)(random.NextDouble() * span));
            var person = Guid.NewGuid();
            var referral = Guid.NewGuid();
            var born = DateOnly.FromDateTime(at.UtcDateTime).AddYears(-16 - random.Next(9)).AddDays(-random.Next(365));
            people.Add((person, born, at));
            timeline.Add((referral, null, at, ReferralMade, null, null, null));
            foreach (var agency in Agencies.OrderBy(_ => random.Next()).Take(LegsPerReferral))
            {
                var leg = Guid.NewGuid();
                legs.Add((leg, referral, person, born, at, agency, Answer(random, referral, leg, agency, at, now, timeline)));
                if (random.Next(50) == 0)
                {
                    var raised = at.AddDays(3 + random.Next(10));
                    if (raised < now)
                    {
                        DateTimeOffset? resolved = random.Next(2) == 0 && raised.AddDays(5) < now ? raised.AddDays(1 + random.Next(4)) : null;
                        escalations.Add((Guid.NewGuid(), referral, leg, person, agency, 1 + random.Next(3), raised, resolved));
                    }
                }
            }

            made.Add((referral, person, at, "open"));
        }

        // A load of a million legs takes minutes on a busy machine: longer than a command's default 30 s.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await CopyAsync(connection, "young_people", ["Id", "TenantId", "GivenName", "FamilyName", "DateOfBirth", "LocalAuthorityPersonId", "CreatedAt", "CreatedBy"], people, async (w, p, i) =>
        {
            await w.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(seed.TenantId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("Seeded", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync($"Person{i}", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(p.Born, NpgsqlDbType.Date, cancellationToken);
            await w.WriteAsync($"S{i:D9}", NpgsqlDbType.Varchar, cancellationToken);
            await w.WriteAsync(p.At, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync("seeder", NpgsqlDbType.Text, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "referrals", ["Id", "TenantId", "YoungPersonId", "PlanVersionId", "PlanVersionNumber", "Summary", "Sections", "ReferrerId", "ReferrerName", "CreatedAt", "Status", "Version"], made, async (w, m, _) =>
        {
            await w.WriteAsync(m.Id, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(seed.TenantId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(m.Person, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync("Seeded referral", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("[]", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("pa-seed", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("Seeded Adviser", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(m.At, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(m.Status, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "legs", ["Id", "ReferralId", "TenantId", "ReferralMadeAt", "YoungPersonId", "YoungPersonBornOn", "AcknowledgedAt", "DecidedAt", "Agency", "Recipient", "Reason", "Status", "LawfulBasis", "SharedSections", "ReasonCode", "UpdatedAt", "Version"], legs, async (w, l, _) =>
        {
            await w.WriteAsync(l.Id, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(l.Referral, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(seed.TenantId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(l.Made, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(l.Person, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(l.Born, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(w, l.Answers.Acknowledged, cancellationToken);
            await WriteNullableAsync(w, l.Answers.Decided, cancellationToken);
            await w.WriteAsync(l.Agency, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync($$"""{"code":"{{l.Agency}}-seed","name":"Seeded {{l.Agency}}"}""", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("Seeded leg", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(l.Answers.Status, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("""{"basis":"consent","recordedBy":"seeder","recordedAt":"2026-01-01T00:00:00+00:00","evidence":null}""", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("[]", NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(w, l.Answers.ReasonCode, cancellationToken);
            await w.WriteAsync(l.Answers.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "timeline_entries", ["ReferralId", "LegId", "At", "Actor", "Kind", "Agency", "FromStatus", "ToStatus"], timeline, async (w, t, _) =>
        {
            await w.WriteAsync(t.Referral, NpgsqlDbType.Uuid, cancellationToken);
            if (t.Leg is { } leg)
            {
                await w.WriteAsync(leg, NpgsqlDbType.Uuid, cancellationToken);
            }
            else
            {
                await w.WriteNullAsync(cancellationToken);
            }

            await w.WriteAsync(t.At, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync("seeder", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(t.Kind, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(w, t.Agency, cancellationToken);
            await WriteNullableAsync(w, t.From, cancellationToken);
            await WriteNullableAsync(w, t.To, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "escalations", ["Id", "TenantId", "ReferralId", "LegId", "YoungPersonId", "Agency", "Theme", "Level", "ReasonCode", "Reason", "Owner", "TriggerKey", "RaisedAt", "DueBy", "ResolvedAt", "Version"], escalations, async (w, e, _) =>
        {
            await w.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(seed.TenantId, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(e.Referral, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(e.Leg, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(e.Person, NpgsqlDbType.Uuid, cancellationToken);
            await w.WriteAsync(e.Agency, NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(Themes[Array.IndexOf(Agencies, e.Agency) % Themes.Length], NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync(e.Level, NpgsqlDbType.Integer, cancellationToken);
            await w.WriteAsync("no-decision", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("Seeded escalation", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync("team-manager", NpgsqlDbType.Text, cancellationToken);
            await w.WriteAsync($"seed:{e.Id:N}", NpgsqlDbType.Varchar, cancellationToken);
            await w.WriteAsync(e.Raised, NpgsqlDbType.TimestampTz, cancellationToken);
            await w.WriteAsync(e.Raised.AddDays(5), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(w, e.Resolved, cancellationToken);
            await w.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
        }, cancellationToken);

        await VacuumAsync(connection, cancellationToken);
        return new BoardSeeded(people.Count, made.Count, legs.Count, timeline.Count, escalations.Count);
    }

    static readonly string[] Tables = ["young_people", "referrals", "legs", "timeline_entries", "escalations"];

    /// <summary>How long <see cref="VacuumAsync"/> waits for the transactions that keep the seeded rows from being visible to all.</summary>
    static readonly TimeSpan VisibleToAllWithin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Leaves the tables as autovacuum would after a load: fresh statistics for the planner, and every page marked
    /// visible to all. VACUUM cannot mark a page while a transaction older than its rows is open (autovacuum analysing a
    /// table the load had just filled, say); an index-only scan then reads the table for every row and sets its hint
    /// bits as it goes: the board's timeliness at 1,000,000 legs took 2.7 s so, against 0.4-0.7 s. So VACUUM again
    /// until the visibility map covers each table.
    /// </summary>
    static async Task VacuumAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + VisibleToAllWithin;
        await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {string.Join(", ", Tables)}", connection);
        await using var partlyVisible = new NpgsqlCommand(
            "SELECT relname FROM pg_class WHERE relname = ANY(@tables) AND relkind = 'r' AND relallvisible < relpages ORDER BY relname", connection);
        partlyVisible.Parameters.AddWithValue("tables", Tables);
        while (true)
        {
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
            var notYet = new List<string>();
            await using (var reader = await partlyVisible.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    notYet.Add(reader.GetString(0));
                }
            }

            if (notYet.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The seeded tables {string.Join(", ", notYet)} were still not all visible to every transaction after {VisibleToAllWithin.TotalMinutes:0} minutes of VACUUM: a transaction older than the load is still open.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>A seeded leg's status and when it changed, with the times the leg keeps of its first acknowledgement and decision.</summary>
    sealed record Answers(string Status, DateTimeOffset UpdatedAt, DateTimeOffset? Acknowledged = null, DateTimeOffset? Decided = null, string? ReasonCode = null);

    /// <summary>
    /// The leg's answers as the hub records them: about 10% unanswered, 15% acknowledged only, 50% acknowledged then
    /// accepted, 20% declined (a third of those without an acknowledgement first) and 5% cancelled; an answer that would
    /// come after <paramref name="now"/> has not come yet.
    /// </summary>
    static Answers Answer(
        Random random, Guid referral, Guid leg, string agency, DateTimeOffset madeAt, DateTimeOffset now,
        List<(Guid Referral, Guid? Leg, DateTimeOffset At, string Kind, string? Agency, string? From, string? To)> timeline)
    {
        timeline.Add((referral, leg, madeAt, LegRequested, agency, null, Requested));
        var answers = new Answers(Requested, madeAt);
        var roll = random.Next(100);
        if (roll < 10)
        {
            return answers;
        }

        if (roll >= 95)
        {
            var cancelled = madeAt.AddHours(1 + random.Next(48));
            if (cancelled < now)
            {
                timeline.Add((referral, leg, cancelled, StatusChanged, agency, Requested, Cancelled));
                answers = new Answers(Cancelled, cancelled);
            }

            return answers;
        }

        var declined = roll >= 75;
        if (!declined || roll >= 88)
        {
            var acknowledged = madeAt.AddMinutes(30 + random.Next(5 * 24 * 60));
            if (acknowledged >= now)
            {
                return answers;
            }

            timeline.Add((referral, leg, acknowledged, StatusChanged, agency, Requested, Received));
            answers = new Answers(Received, acknowledged, Acknowledged: acknowledged);
            if (roll < 25)
            {
                return answers;
            }
        }

        var decided = answers.UpdatedAt.AddMinutes(30 + random.Next(15 * 24 * 60));
        if (decided >= now)
        {
            return answers;
        }

        var to = declined ? Rejected : Accepted;
        timeline.Add((referral, leg, decided, StatusChanged, agency, answers.Status, to));
        return answers with { Status = to, UpdatedAt = decided, Decided = decided, ReasonCode = declined ? DeclineReasons[random.Next(DeclineReasons.Length)] : null };
    }

    static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateTimeOffset? value, CancellationToken cancellationToken)
    {
        if (value is { } at)
        {
            await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string[] columns, IReadOnlyList<T> rows,
        Func<NpgsqlBinaryImporter, T, int, Task> write, CancellationToken cancellationToken)
    {
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            await importer.StartRowAsync(cancellationToken);
            await write(importer, rows[i], i);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
