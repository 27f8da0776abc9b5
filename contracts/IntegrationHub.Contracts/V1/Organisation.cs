namespace IntegrationHub.Contracts.V1;

/// <summary>
/// A receiving organisation from the hub's agency directory, by its own code (an ODS code for
/// the NHS, a local authority code for housing, a Jobcentre or probation region code, a YOS code).
/// <see cref="Service"/> says which service it is where an agency has several, e.g. <c>camhs</c> or
/// <c>adult-mental-health</c> within the NHS (see <see cref="OrganisationServices"/>).
/// </summary>
/// <param name="Code">The organisation's own code.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Service">Which of the agency's services, where it has several.</param>
public sealed record Organisation(string Code, string Name, string? Service = null);
