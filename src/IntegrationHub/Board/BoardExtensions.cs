using IntegrationHub.Board.Scorecard;
using Microsoft.Extensions.Options;

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
        builder.Services.AddScoped<ScorecardReader>();
        builder.Services.AddOptions<ScorecardOptions>()
            .Bind(builder.Configuration.GetSection(ScorecardOptions.Section))
            .PostConfigure(options => options.FillDefaults())
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScorecardOptions>, ScorecardOptionsValidator>();

        // Read and checked now, at start-up: a replaced file that is not in the published shape stops the hub.
        builder.Services.AddSingleton(NationalFigures.Shipped());
        builder.Services.AddHostedService<CalendarDaysKeeper>();
        return builder;
    }
}
