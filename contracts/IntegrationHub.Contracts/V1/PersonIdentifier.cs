namespace IntegrationHub.Contracts.V1;

/// <summary>One identifier of the young person.</summary>
/// <param name="Type">One of <see cref="IdentifierTypes"/>.</param>
/// <param name="Value">The identifier, in the shape its type's pattern gives.</param>
public sealed record PersonIdentifier(string Type, string Value);
