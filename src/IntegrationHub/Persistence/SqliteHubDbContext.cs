using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegrationHub.Persistence;

public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options)
{
    // SQLite has no date-time-with-offset type; stored as sortable integers, times compare and order in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    // SQLite can add only a virtual generated column to a table that has rows: computed as it is read, and indexed.
    protected override (string Sql, bool Stored) RecipientCodeSql => ("json_extract(\"Recipient\", '$.code')", false);

    protected override (string Sql, bool Stored) RecipientServiceSql => ("json_extract(\"Recipient\", '$.service')", false);
}
