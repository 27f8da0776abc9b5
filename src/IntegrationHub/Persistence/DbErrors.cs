using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Persistence;

/// <summary>What a failed save says, in the words of either database.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: someone else saved the same thing first.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,

        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, not any constraint: a trigger's or a foreign key's refusal is another failure.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
