using System.Globalization;
using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Contracts.V1;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Referrals;

/// <summary>
/// The FHIR resources of one leg, shared by the referral and the cancellation messages. Every id is
/// a name-based UUID of the leg id and the resource's role, so the same leg always yields the same
/// resources, the cancellation revokes the very ServiceRequest and Task the referral created, and
/// golden files stay stable. Every entry's fullUrl is <c>urn:uuid:{id}</c> and every reference
/// points at one.
/// </summary>
sealed class NhsLegResources
{
    /// <summary>Namespace of the ids of the FHIR resources the adapter builds for a leg.</summary>
    static readonly Guid ResourceIds = new("385fb5b3-5c46-4c36-b690-f09375adda63");

    readonly LegRequested leg;

    public NhsLegResources(LegRequested leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        if (leg.Agency != AgencyCodes.Nhs)
        {
            throw new ArgumentException($"The NHS adapter translates only legs for '{AgencyCodes.Nhs}', not for '{leg.Agency}'.", nameof(leg));
        }

        if (string.IsNullOrWhiteSpace(leg.Recipient?.Code))
        {
            throw new ArgumentException("The leg names no recipient ODS code (Recipient.Code).", nameof(leg));
        }

        this.leg = leg;
        LocalAuthority = new Organization
        {
            Id = IdFor("local-authority"),
            Identifier = [new Identifier(NhsSystems.Tenant, leg.TenantId)],
            Name = leg.Referrer.LocalAuthority,
        };
        Recipient = new Organization
        {
            Id = IdFor("recipient"),
            Identifier = [OdsCode],
            Name = leg.Recipient.Name,
        };
        Referrer = new PractitionerRole
        {
            Id = IdFor("referrer"),
            Active = true,
            Practitioner = new ResourceReference { Display = leg.Referrer.Name },
            Organization = Reference(LocalAuthority),
            Code = [new CodeableConcept { Text = "Personal Adviser, leaving care team" }],
            Telecom = [.. Telecom(leg.Referrer.Email, leg.Referrer.Phone)],
        };
    }

    public Organization LocalAuthority { get; }

    public Organization Recipient { get; }

    /// <summary>The Personal Adviser, in the role of the local authority's leaving care team.</summary>
    public PractitionerRole Referrer { get; }

    Identifier OdsCode => new(NhsSystems.OdsOrganisationCode, leg.Recipient.Code);

    /// <summary>The young person. A cancellation carries only what the receiver needs to match them.</summary>
    public Patient Patient(bool withContact)
    {
        var person = leg.Person;
        var patient = new Patient
        {
            Id = IdFor("patient"),
            Identifier = [.. NhsSharing.Rule.SharedIdentifiers(person.Identifiers).Select(Identifier)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = person.FamilyName, Given = [person.GivenName] }],
            BirthDate = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (withContact)
        {
            patient.Telecom = [.. Telecom(person.Contact.Email, person.Contact.Phone)];
            if (person.Contact.AddressLine is not null || person.Contact.Postcode is not null)
            {
                patient.Address = [new Address
                {
                    Use = Address.AddressUse.Home,
                    Line = person.Contact.AddressLine is { } line ? [line] : [],
                    PostalCode = person.Contact.Postcode,
                }];
            }
        }

        return patient;
    }

    public ServiceRequest ServiceRequest(RequestStatus status, Patient patient) => new()
    {
        Id = IdFor("service-request"),
        Identifier = [LegIdentifier, new Identifier(NhsSystems.Referral, leg.ReferralId.ToString("D"))],
        Status = status,
        Intent = RequestIntent.Order,
        Category = [new CodeableConcept(NhsSystems.Snomed, "3457005", "Patient referral", "Care leaver referral from a pathway plan")],
        Subject = Reference(patient),
        AuthoredOn = DateTime(leg.RequestedAt),
        Requester = Reference(Referrer),
        Performer = [Reference(Recipient)],
    };

    /// <summary>This leg's Task: what the NHS organisation is asked to do, and the thing it updates to answer.</summary>
    public FhirTask Task(FhirTask.TaskStatus status, ServiceRequest serviceRequest, Patient patient, DateTimeOffset lastModified) => new()
    {
        Id = IdFor("task"),
        Identifier = [LegIdentifier],
        Status = status,
        Intent = FhirTask.TaskIntent.Order,
        Focus = Reference(serviceRequest),
        For = Reference(patient),
        Owner = new ResourceReference(FullUrl(Recipient), leg.Recipient.Name) { Identifier = OdsCode },
        Requester = Reference(Referrer),
        AuthoredOn = DateTime(leg.RequestedAt),
        LastModified = DateTime(lastModified),
    };

    /// <summary>A BaRS-style MessageHeader; <paramref name="reason"/> is <c>new</c> for a request, <c>update</c> for a cancellation.</summary>
    public MessageHeader MessageHeader(string role, string reason, ServiceRequest focus) => new()
    {
        Id = IdFor(role),
        Event = new Coding(NhsSystems.MessageEvents, NhsSystems.ServiceRequestEvent, "Service Request - Request"),
        Destination =
        [
            new MessageHeader.MessageDestinationComponent
            {
                Endpoint = NhsSystems.OdsEndpoint(leg.Recipient.Code),
                Name = leg.Recipient.Name,
                Receiver = Reference(Recipient),
            },
        ],
        Sender = Reference(LocalAuthority),
        Author = Reference(Referrer),
        Source = new MessageHeader.MessageSourceComponent
        {
            Endpoint = NhsSystems.HubEndpoint(leg.TenantId),
            Name = leg.Referrer.LocalAuthority,
            Software = "Care Leaver Referral Hub",
        },
        Reason = new CodeableConcept(NhsSystems.MessageReasons, reason, reason == "new" ? "New" : "Update", null),
        Focus = [Reference(focus)],
    };

    /// <summary>A message Bundle: the MessageHeader first, then the resources it carries.</summary>
    public Bundle Message(string role, DateTimeOffset timestamp, MessageHeader header, IEnumerable<Resource> resources) => new()
    {
        Id = IdFor(role),
        Type = Bundle.BundleType.Message,
        Timestamp = timestamp.ToUniversalTime(),
        Entry = [.. new Resource[] { header }.Concat(resources).Select(r => new Bundle.EntryComponent { FullUrl = FullUrl(r), Resource = r })],
    };

    public string IdFor(string role) => NameBasedGuid.Create(ResourceIds, $"{leg.LegId:D}/{role}").ToString("D");

    public static ResourceReference Reference(Resource resource) => new(FullUrl(resource));

    /// <summary>A FHIR dateTime in UTC, without a fraction when there is none: "2026-01-05T09:30:00Z".</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    static string FullUrl(Resource resource) => $"urn:uuid:{resource.Id}";

    Identifier LegIdentifier => new(NhsSystems.Leg, leg.LegId.ToString("D"));

    Identifier Identifier(PersonIdentifier identifier) => identifier.Type switch
    {
        IdentifierTypes.NhsNumber => new Identifier(NhsSystems.NhsNumber, identifier.Value.Replace(" ", "", StringComparison.Ordinal)),
        IdentifierTypes.LocalAuthorityPersonId => new Identifier(NhsSystems.LocalAuthorityPersonId(leg.TenantId), identifier.Value),
        _ => throw new ArgumentException($"The NHS is not given '{identifier.Type}' identifiers."),
    };

    static IEnumerable<ContactPoint> Telecom(string? email, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Email, null, email);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone);
        }
    }
}
