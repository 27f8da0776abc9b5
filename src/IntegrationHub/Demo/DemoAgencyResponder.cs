using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>
/// DEMO ONLY: stands in for an agency's system. It acknowledges each leg and, a few seconds
/// later, accepts it, except that the Jobcentre declines, so a newcomer sees both outcomes.
/// </summary>
public sealed class DemoAgencyResponder(IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoAgencyResponder> logger) :
    IConsumer<LegRequested>,
    IConsumer<LegCancelled>
{
    public async Task Consume(ConsumeContext<LegRequested> context)
    {
        var leg = context.Message;
        var worker = $"Demo {leg.Agency} worker";
        await Task.Delay(options.Value.AnswerDelay, clock, context.CancellationToken);
        await context.Publish(new LegAcknowledged(NewId.NextGuid(), leg.LegId, leg.Agency, worker, clock.GetUtcNow(), $"DEMO-{leg.LegId.ToString()[..8]}"));

        await Task.Delay(options.Value.AnswerDelay, clock, context.CancellationToken);
        if (leg.Agency == AgencyCodes.Dwp)
        {
            await context.Publish(new LegDeclined(NewId.NextGuid(), leg.LegId, leg.Agency, worker, clock.GetUtcNow(),
                "already-supported", "Already supported by a work coach at another Jobcentre."));
        }
        else
        {
            await context.Publish(new LegAccepted(NewId.NextGuid(), leg.LegId, leg.Agency, worker, clock.GetUtcNow(), "Accepted by the demo agency."));
        }

        logger.LogInformation("Demo {Agency} answered leg {LegId}", leg.Agency, leg.LegId);
    }

    public Task Consume(ConsumeContext<LegCancelled> context)
    {
        logger.LogInformation("Demo {Agency} stopped work on cancelled leg {LegId}", context.Message.Agency, context.Message.LegId);
        return Task.CompletedTask;
    }
}
