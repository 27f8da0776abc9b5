using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegrationHub.Persistence;

public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options, TenantScope tenants) : HubDbContext(options, tenants)
{
    // SQLite has no date-time-with-offset type; stored as sortable integers, times compare and order in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}
