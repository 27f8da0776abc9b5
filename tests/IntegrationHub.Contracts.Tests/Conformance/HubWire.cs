using System.Text.Json;
using MassTransit.Serialization;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>The hub's own messages as they are written inside MassTransit's envelope (its <c>message</c> property).</summary>
public static class HubWire
{
    public static string Serialize(object message) =>
        JsonSerializer.Serialize(message, message.GetType(), SystemTextJsonMessageSerializer.Options);
}
