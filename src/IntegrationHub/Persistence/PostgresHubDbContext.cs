using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Persistence;

public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options, TenantScope tenants) : HubDbContext(options, tenants);
