using System.Net.Http.Headers;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Notifications;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Tests.Notifications;

/// <summary>
/// The hub e-mailing through an <see cref="SmtpSink"/> on 127.0.0.1, without TLS. The sink runs
/// from the start, unless the hub is made with it down (<see cref="OutageHubFactory"/>); then <see cref="StartMailServer"/>
/// brings it up on the port the hub was given.
/// </summary>
public class MailingHubFactory : HubFactory
{
    public const string TeamManagersA = "team-managers@council-a.test";
    public const string HeadOfServiceA = "head-of-service@council-a.test";
    public const string BoardA = "corporate-parenting-board@council-a.test";
    public const string TeamManagersB = "team-managers@council-b.test";
    public const string HubUrl = "https://hub.council-a.test/";

    /// <summary>The mailbox of the NHS organisation tenant A's NHS legs go to.</summary>
    public const string NhsOfTenantA = "camhs-spoc@icb.nhs.test";

    /// <summary>The mailbox of another NHS organisation in the directory (the Leeds ICB, for young people living in Leeds).</summary>
    public const string LeedsIcb = "leeds-icb-spoc@icb.nhs.test";

    readonly int port;
    readonly string sendInterval;
    SmtpSink? sink;

    public MailingHubFactory()
        : this(mailServerDown: false, sendInterval: "00:00:00.200")
    {
    }

    /// <param name="sendInterval">How often the hub's sender looks for notifications to e-mail.</param>
    protected MailingHubFactory(bool mailServerDown, string sendInterval)
    {
        this.sendInterval = sendInterval;
        if (mailServerDown)
        {
            port = SmtpSink.FreePort();
        }
        else
        {
            sink = SmtpSink.Start();
            port = sink.Port;
        }
    }

    /// <summary>The mail server, once it is up.</summary>
    public SmtpSink Sink => sink ?? throw new InvalidOperationException("The mail server is down.");

    public SmtpSink StartMailServer() => sink ??= SmtpSink.Start(port);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:UseStartTls", "false");
        builder.UseSetting("Notifications:Smtp:From", "Care Leaver Referral Hub <no-reply@hub.council-a.test>");
        builder.UseSetting("Notifications:HubUrl", HubUrl);
        builder.UseSetting("Notifications:SendInterval", sendInterval);
        builder.UseSetting($"Notifications:Recipients:{TenantA}:{HubRoles.TeamManager}:0", TeamManagersA);
        builder.UseSetting($"Notifications:Recipients:{TenantA}:{HubRoles.HeadOfService}:0", HeadOfServiceA);
        builder.UseSetting($"Notifications:Recipients:{TenantA}:{HubRoles.BoardMember}:0", BoardA);
        builder.UseSetting($"Notifications:Recipients:{TenantB}:{HubRoles.TeamManager}:0", TeamManagersB);
        builder.UseSetting("AgencyDirectory:Areas:leeds:nhs:Code", "15F");
        builder.UseSetting("AgencyDirectory:Areas:leeds:nhs:Name", "NHS West Yorkshire ICB (Leeds)");
        builder.UseSetting("Notifications:Organisations:15F:0", LeedsIcb);
        builder.UseSetting($"Notifications:Organisations:{NhsAgency.Define(new AdapterOptions()).DefaultOrganisation.Code}:0", NhsOfTenantA);
    }

    /// <summary>A Personal Adviser whose token carries their e-mail address (<c>preferred_username</c>), as Entra ID's does.</summary>
    public HttpClient PersonalAdviserWithEmail(string userId, string email, string tenantId = TenantA)
    {
        var issuer = Services.GetRequiredService<LocalTokenIssuer>();
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = issuer.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["oid"] = userId,
                ["sub"] = userId,
                ["name"] = $"Test {userId}",
                ["preferred_username"] = email,
                ["roles"] = new[] { HubRoles.PersonalAdviser },
                ["tid"] = EntraTenantId,
                [HubClaims.LocalAuthority] = tenantId,
            },
            SigningCredentials = new SigningCredentials(issuer.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Manager(string role, string tenantId = TenantA, string? userId = null) =>
        CreateClient(Token(userId ?? $"{role.ToLowerInvariant()}-{tenantId}", role, tenantId));

    /// <summary>Runs one pass of the e-mail sender now, as its background service would.</summary>
    internal async Task<MailPass> SendMailAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The hub with its mail server down at first, and a sender that runs only when the test says.</summary>
public sealed class OutageHubFactory() : MailingHubFactory(mailServerDown: true, sendInterval: "01:00:00");
