using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// What every table holds, as a count and a hash of its rows in any order: two digests differ if any row was added,
/// removed or changed, on any provider (plain ADO.NET, so SQLite and PostgreSQL alike).
/// </summary>
public static class DatabaseDigest
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(DbConnection connection, IEnumerable<string> tables)
    {
        var digest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            digest[table] = $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16]}";
        }

        return digest;
    }

    /// <summary>The tables whose digest differs, each with both digests.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Select(t => $"{t}: {before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)}")];
}
