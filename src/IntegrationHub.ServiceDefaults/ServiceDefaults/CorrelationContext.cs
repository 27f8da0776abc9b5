using System.Diagnostics;

namespace IntegrationHub.ServiceDefaults;

/// <summary>The correlation id of the request or message being handled, carried on every message it causes.</summary>
public sealed class CorrelationContext
{
    public const string Header = "X-Correlation-Id";

    public string? Id { get; set; }

    /// <summary>Accepts a caller's id only if it is short and plain, so it is safe to log and echo.</summary>
    public static bool IsAcceptable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Puts the id on the span of the request or message being handled, so a trace can be found by the id an
    /// audit entry or a support call gives. The trace itself travels in the W3C headers, never in this id.
    /// </summary>
    public void TagCurrentActivity() => Activity.Current?.SetTag(HubTelemetry.CorrelationIdAttribute, Id);
}
