namespace IntegrationHub.Board;

public static class BoardExtensions
{
    /// <summary>
    /// The Corporate Parenting Board's figures; they read the escalation options and working calendar <c>AddEscalations</c>
    /// registers, and the calendar days table, kept from that calendar at start-up (after the schema is migrated).
    /// </summary>
    public static IHostApplicationBuilder AddBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BoardFigures>();
        builder.Services.AddScoped<BoardService>();
        builder.Services.AddHostedService<CalendarDaysKeeper>();
        return builder;
    }
}
