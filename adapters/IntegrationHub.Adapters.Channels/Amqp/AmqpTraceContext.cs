using System.Diagnostics;
using System.Text;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// W3C Trace Context in AMQP headers (<c>traceparent</c>, <c>tracestate</c>): a referral carries the trace it was sent in, and a
/// partner that copies those headers onto its answer joins the answer to the same trace. A partner that does not
/// is not refused: its answer starts a trace of its own.
/// </summary>
static class AmqpTraceContext
{
    static readonly ActivitySource Telemetry = new(HubTelemetry.Name);

    /// <summary>Adds the current span's context to the headers of a message about to be published.</summary>
    public static void Inject(IDictionary<string, object?> headers) =>
        DistributedContextPropagator.Current.Inject(Activity.Current, headers, static (carrier, name, value) => ((IDictionary<string, object?>)carrier!)[name] = value);

    /// <summary>Starts the span of handling a received message, the child of the sender's span when its headers name one.</summary>
    public static Activity? StartReceive(string name, IDictionary<string, object?>? headers)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (carrier, field, out value, out values) =>
        {
            values = null;
            value = carrier is IDictionary<string, object?> h && h.TryGetValue(field, out var raw) ? Text(raw) : null;
        }, out var traceParent, out var traceState);
        var parent = ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parsed) ? parsed : default;
        return Telemetry.StartActivity(name, ActivityKind.Consumer, parent);
    }

    // RabbitMQ.Client hands string headers over as their UTF-8 bytes.
    static string? Text(object? raw) => raw switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };
}
