using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Decisions;

public static class BoardDecisionsExtensions
{
    /// <summary>
    /// The board's case papers and decisions, and the scan that puts overdue actions on the next meeting's agenda; it
    /// raises escalations through the ladder <c>AddEscalations</c> registers.
    /// </summary>
    public static IHostApplicationBuilder AddBoardDecisions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BoardMeetingOptions>()
            .Bind(builder.Configuration.GetSection(BoardMeetingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BoardMeetingOptions>, BoardMeetingOptionsValidator>();
        builder.Services.AddScoped<BoardDecisionService>();
        builder.Services.AddScoped<OverdueActions>();
        builder.Services.AddHostedService<OverdueActionsScanner>();
        return builder;
    }
}
