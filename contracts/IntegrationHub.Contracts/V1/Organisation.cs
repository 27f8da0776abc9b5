namespace IntegrationHub.Contracts.V1;

/// <summary>
/// A receiving organisation from the hub's agency directory, by its own code (an ODS code for
/// the NHS, a local authority code for housing, a Jobcentre or probation region code, a YOS code).
/// </summary>
public sealed record Organisation(string Code, string Name);
