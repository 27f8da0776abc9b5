using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Notifications;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.Notifications;

public sealed class NotificationSettingsTests
{
    static NotificationOptions WithHost() => new()
    {
        Smtp = new SmtpOptions { Host = "smtp.council-a.test", From = "no-reply@council-a.test" },
        HubUrl = "https://hub.council-a.test/",
        Recipients = new() { ["council-a"] = new() { [HubRoles.TeamManager] = ["team-managers@council-a.test"] } },
    };

    static readonly AgencyDirectoryOptions Directory = new()
    {
        Default = { [AgencyCodes.Housing] = HousingAgency.Define(new AdapterOptions()).DefaultOrganisation },
        Areas = { ["leeds"] = new() { [AgencyCodes.Housing] = new Organisation("E08000035", "Leeds housing options") } },
    };

    static IReadOnlyList<string> Failures(NotificationOptions options) =>
        new NotificationOptionsValidator(Options.Create(Directory)).Validate(null, options).Failures?.ToList() ?? [];

    static Notification ToRole(string tenantId, string role, string? organisation = null) =>
        new() { Id = Guid.NewGuid(), TenantId = tenantId, Role = role, Organisation = organisation, Subject = "s", Body = "b", CreatedAt = DateTimeOffset.UtcNow };

    [Fact]
    public void Without_a_host_email_is_off_and_its_settings_are_not_checked()
    {
        var options = new NotificationOptions { Smtp = new SmtpOptions { From = "not an address" } };

        Assert.False(options.EmailEnabled);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Complete_smtp_settings_pass()
    {
        Assert.Empty(Failures(WithHost()));
        Assert.Equal(["team-managers@council-a.test"], WithHost().RecipientsFor(ToRole("council-a", HubRoles.TeamManager)));
        Assert.Empty(WithHost().RecipientsFor(ToRole("council-b", HubRoles.TeamManager)));
    }

    [Fact]
    public void Smtp_settings_are_checked_once_a_host_is_set()
    {
        var options = WithHost();
        options.Smtp.From = "no-reply";
        options.Smtp.Port = 0;
        options.Smtp.Username = "hub";
        options.HubUrl = null;
        options.Recipients["council-a"]["TeamManagers"] = ["someone@council-a.test"];
        options.Recipients["council-a"][HubRoles.HeadOfService] = ["not an address"];

        var failures = Failures(options);

        Assert.Contains(failures, f => f.Contains("Smtp:From", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Username and Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HubUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("council-a:TeamManagers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains($"council-a:{HubRoles.HeadOfService}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agencys_managers_are_e_mailed_by_organisation_and_only_for_an_organisation_of_the_directory()
    {
        var options = WithHost();
        options.Recipients["council-a"][NotificationOptions.AgencyRole(AgencyCodes.Housing)] = ["housing-spoc@council-a.test"];
        options.Organisations["housing-authority"] = ["housing-spoc@council-a.test"];
        options.Organisations["E08000035"] = ["not an address"];
        options.Organisations["martians"] = ["martians@council-a.test"];

        Assert.Equal(
            [
                "Notifications:Recipients:council-a:agency-housing: the role must be one of TeamManager, HeadOfService, BoardMember; "
                    + "an agency's managers are e-mailed by organisation, in Notifications:Organisations:{organisation code}.",
                "Notifications:Organisations:E08000035 holds something that is not an e-mail address.",
                "Notifications:Organisations:martians names no organisation of the agency directory.",
            ],
            Failures(options));
    }

    [Fact]
    public void Agency_notice_goes_to_its_organisations_addresses_alone()
    {
        var options = WithHost();
        options.Organisations["housing-authority"] = ["housing-spoc@council-a.test"];
        options.Organisations["E08000035"] = ["leeds-housing@leeds.test"];
        var housingRole = NotificationOptions.AgencyRole(AgencyCodes.Housing);

        Assert.Equal(["leeds-housing@leeds.test"], options.RecipientsFor(ToRole("council-a", housingRole, "E08000035")));
        Assert.Equal(["housing-spoc@council-a.test"], options.RecipientsFor(ToRole("council-b", housingRole, "housing-authority")));
        Assert.Empty(options.RecipientsFor(ToRole("council-a", housingRole, "integrated-care-board")));
    }

    [Fact]
    public void Credentials_are_never_sent_in_clear()
    {
        var options = WithHost();
        options.Smtp.Username = "hub";
        options.Smtp.Password = "secret";
        options.Smtp.UseStartTls = false;

        Assert.Contains(Failures(options), f => f.Contains("never sent in clear", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("team-manager", HubRoles.TeamManager)]
    [InlineData("head-of-service", HubRoles.HeadOfService)]
    [InlineData("board-champion:housing", HubRoles.BoardMember)]
    public void Escalation_owner_is_told_through_their_role(string owner, string role) =>
        Assert.Equal(role, EscalationWording.RoleFor(owner));

    [Fact]
    public async Task Hub_with_a_mail_server_but_incomplete_settings_does_not_start()
    {
        await using var hub = new HalfConfiguredHub();

        var refused = Assert.ThrowsAny<Exception>(() => hub.CreateClient());

        Assert.Contains("Notifications:Smtp:From", refused.ToString(), StringComparison.Ordinal);
    }

    sealed class HalfConfiguredHub : HubFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
    }
}
