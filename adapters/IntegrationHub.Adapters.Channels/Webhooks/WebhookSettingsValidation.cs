using IntegrationHub.Adapters.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>Refuses to start with a webhook organisation that has no https URL or no valid keys, naming each setting.</summary>
sealed class WebhookSettingsValidation : IValidateOptions<AdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        var problems = options.Organisations
            .Where(o => o.Value.Channel == AdapterOptions.WebhookChannelName)
            .SelectMany(o => o.Value.WebhookProblems(o.Key))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
