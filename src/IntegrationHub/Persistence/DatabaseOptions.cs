using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the embedded default) or Postgres.</summary>
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    [Required(ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// True (the default, for <c>dotnet run</c> and the tests) applies the migrations as the hub starts; false leaves them
    /// to the <c>migrate</c> command (<see cref="MigrateCommand"/>), run once per upgrade, and the hub is not ready until they are applied.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
