using System.Data.Common;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Persistence;

/// <summary>
/// <c>dotnet IntegrationHub.dll migrate</c> applies the schema migrations to the database that Database:Provider and
/// Database:ConnectionString name, and exits: 0 once the schema is current, 1 with the reason on standard error.
/// A deployment runs it once before starting the new version's replicas with Database:MigrateOnStart false.
/// </summary>
static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args.FirstOrDefault() == "migrate";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output, TextWriter error)
    {
        builder.AddPersistence();
        await using var app = builder.Build();
        try
        {
            // Validated here, as the host that would validate it on start never starts.
            var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await using var scope = app.Services.CreateAsyncScope();
            var applied = await SchemaMigration.ApplyAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), CancellationToken.None);
            await output.WriteLineAsync(applied.Migrations.Count == 0
                ? $"migrate: the {database.Provider} database's schema was already current."
                : $"migrate: applied {applied.Migrations.Count} migrations to the {database.Provider} database ({string.Join(", ", applied.Migrations)}); filled the board's columns of {applied.FilledLegs} earlier legs.");
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or DbException or InvalidOperationException)
        {
            await error.WriteLineAsync($"migrate: the schema was not brought up to date: {e.Message}");
            return 1;
        }
    }
}
