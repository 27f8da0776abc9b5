using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Notifications;

/// <summary>
/// Who is told by e-mail, and through which SMTP server. With no <c>Notifications:Smtp:Host</c>
/// e-mail is off and notifications stay in the in-hub inbox only.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// By tenant, then role (<c>TeamManager</c>, <c>HeadOfService</c>, <c>BoardMember</c>): the
    /// addresses a notification to that role is sent to, e.g. the team managers' shared mailbox.
    /// </summary>
    public Dictionary<string, Dictionary<string, string[]>> Recipients { get; set; } = [];

    /// <summary>
    /// By organisation code in the agency directory: the addresses a notice to that organisation's managers
    /// is sent to (its single point of contact, its senior manager). An agency's notice is about a leg sent
    /// to one organisation, and goes to that organisation alone, never to others of its agency type.
    /// </summary>
    public Dictionary<string, string[]> Organisations { get; set; } = [];

    /// <summary>The hub's address for people, linked from every e-mail.</summary>
    public string? HubUrl { get; set; }

    /// <summary>How often the sender looks for notifications not yet e-mailed, and tries failed ones again.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most notifications one pass sends.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a sender that stopped mid-send keeps a notification from the others.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>
    /// The managers of an agency's organisation: its single point of contact and its senior manager. A
    /// notice to this role always names the organisation (<see cref="Notification.Organisation"/>).
    /// </summary>
    public static string AgencyRole(string agency) => $"agency-{agency}";

    /// <summary>Where a notification to a role is e-mailed: an agency's to its organisation's addresses, a local authority role's to the tenant's.</summary>
    public IReadOnlyList<string> RecipientsFor(Notification notification) =>
        notification.Organisation is { } organisation
            ? Organisations.GetValueOrDefault(organisation) ?? []
            : Recipients.FirstOrDefault(t => string.Equals(t.Key, notification.TenantId, StringComparison.OrdinalIgnoreCase)).Value
                ?.FirstOrDefault(r => string.Equals(r.Key, notification.Role, StringComparison.OrdinalIgnoreCase)).Value ?? [];
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required when true). Port 465 always uses TLS from the start.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Care Leaver Referral Hub &lt;no-reply@council.gov.uk&gt;</c>.</summary>
    public string? From { get; set; }
}

/// <summary>Checks the e-mail settings at start-up, once an SMTP host is configured.</summary>
sealed class NotificationOptionsValidator(IOptions<AgencyDirectoryOptions> directory) : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var errors = new List<string>();
        if (options.SendInterval < TimeSpan.FromMilliseconds(100) || options.SendInterval > TimeSpan.FromHours(1))
        {
            errors.Add("Notifications:SendInterval must be between 100 ms and 1 hour.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add("Notifications:BatchSize must be between 1 and 1000.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(10))
        {
            errors.Add("Notifications:LeaseDuration must be at least 10 seconds.");
        }

        if (options.EmailEnabled)
        {
            var smtp = options.Smtp;
            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add("Notifications:Smtp:Port must be between 1 and 65535.");
            }

            if (!IsEmailAddress(smtp.From))
            {
                errors.Add("Notifications:Smtp:From must be an e-mail address.");
            }

            if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("Notifications:Smtp:Username and Password go together.");
            }

            if (!string.IsNullOrEmpty(smtp.Username) && !smtp.UseStartTls && smtp.Port != 465)
            {
                errors.Add("Notifications:Smtp:Username needs UseStartTls (or port 465): credentials are never sent in clear.");
            }

            if (!Uri.TryCreate(options.HubUrl, UriKind.Absolute, out var hub) || hub.Scheme is not ("https" or "http"))
            {
                errors.Add("Notifications:HubUrl must be the hub's absolute http(s) address, linked from every e-mail.");
            }

            foreach (var (tenant, roles) in options.Recipients)
            {
                foreach (var (role, addresses) in roles)
                {
                    if (!HubRoles.EscalationRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
                    {
                        errors.Add($"Notifications:Recipients:{tenant}:{role}: the role must be one of {string.Join(", ", HubRoles.EscalationRoles)}; "
                            + "an agency's managers are e-mailed by organisation, in Notifications:Organisations:{organisation code}.");
                    }

                    errors.AddRange(addresses
                        .Where(a => !IsEmailAddress(a))
                        .Select(_ => $"Notifications:Recipients:{tenant}:{role} holds something that is not an e-mail address."));
                }
            }

            foreach (var (organisation, addresses) in options.Organisations)
            {
                if (directory.Value.NameOf(organisation) is null)
                {
                    errors.Add($"Notifications:Organisations:{organisation} names no organisation of the agency directory.");
                }

                errors.AddRange(addresses
                    .Where(a => !IsEmailAddress(a))
                    .Select(_ => $"Notifications:Organisations:{organisation} holds something that is not an e-mail address."));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A mailbox with a domain: MimeKit alone would take a bare local part.</summary>
    public static bool IsEmailAddress(string? value) =>
        MailboxAddress.TryParse(value ?? "", out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}
