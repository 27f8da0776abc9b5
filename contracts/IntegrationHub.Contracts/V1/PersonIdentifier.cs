namespace IntegrationHub.Contracts.V1;

public sealed record PersonIdentifier(string Type, string Value);
