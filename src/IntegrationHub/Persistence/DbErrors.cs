using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Persistence;

/// <summary>What a failed save says, in the words of either database.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row, however EF Core wrapped it: someone else saved the same thing first.</summary>
    public static bool IsUniqueViolation(Exception ex) => ex switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,

        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY, not any constraint: a trigger's or a foreign key's refusal is another failure.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };

    /// <summary>
    /// The database gave up waiting for a lock that another transaction holds (PostgreSQL's <c>lock_timeout</c>, SQLite's busy
    /// timeout), however EF Core wrapped it: Npgsql's execution strategy takes it for a transient failure and wraps it again.
    /// </summary>
    public static bool IsLockTimeout(Exception ex) => ex switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable,

        // SQLITE_BUSY and SQLITE_LOCKED.
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        { InnerException: { } inner } => IsLockTimeout(inner),
        _ => false,
    };
}
