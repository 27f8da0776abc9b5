using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Persistence;

public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options)
{
    // PostgreSQL generates only stored columns (before version 18): filled for every leg already there when the column is added.
    protected override (string Sql, bool Stored) RecipientCodeSql => ("(\"Recipient\"::jsonb ->> 'code')", true);

    protected override (string Sql, bool Stored) RecipientServiceSql => ("(\"Recipient\"::jsonb ->> 'service')", true);
}
