using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Notifications;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IntegrationHub.Escalations;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// One hub for the whole matrix, and the objects of its three ownership cases, made once through the API: the caller's
/// own case in council A, a colleague's case in council A for a young person living in another area (so its legs go to
/// that area's organisations), and a case in council B. It signs each <see cref="Caller"/> in, with a bearer token for the
/// API and the sign-in cookie for the pages, and sends each cell's request in process.
/// </summary>
public partial class MatrixHub : HubFactory
{
    /// <summary>Where the colleague's young person lives: every agency type has an organisation of its own there.</summary>
    public const string OtherArea = "matrix-other-area";

    const string ColleagueSuffix = "-colleague";

    readonly Dictionary<Caller, string> tokens = [];
    readonly Dictionary<Caller, PageSession> pageSessions = [];
    HttpClient? client;
    MatrixWorld? world;

    public MatrixWorld World => world ?? throw new InvalidOperationException("The matrix's hub has not been started.");

    HttpClient Client => client ?? throw new InvalidOperationException("The matrix's hub has not been started.");

    AgencyDirectoryOptions AgencyDirectory => Services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value;

    public static string OtherOrganisation(string agency) => $"MATRIX-{agency.ToUpperInvariant()}-ELSEWHERE";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        foreach (var agency in AgencyCodes.All)
        {
            builder.UseSetting($"AgencyDirectory:Areas:{OtherArea}:{agency}:Code", OtherOrganisation(agency));
            builder.UseSetting($"AgencyDirectory:Areas:{OtherArea}:{agency}:Name", $"The other area's {agency} organisation");
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // No cookie jar: each request carries its caller's cookies, so a cell that signs out signs no one out.
        client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var cases = await Task.WhenAll(
            MakeCaseAsync(TenantA, StaffId(Caller.PersonalAdviser), residenceArea: null),
            MakeCaseAsync(TenantA, StaffId(Caller.PersonalAdviser) + ColleagueSuffix, OtherArea),
            MakeCaseAsync(TenantB, StaffId(Caller.PersonalAdviser), residenceArea: null));
        world = new MatrixWorld(
            new Dictionary<Ownership, CaseObjects>
            {
                [Ownership.Own] = cases[0],
                [Ownership.OtherOrganisation] = cases[1],
                [Ownership.OtherTenant] = cases[2],
            },
            Services.GetRequiredService<AgencyDefinitions>().All.ToDictionary(a => a.Code, a => a.Format.DeclineReasons.Keys.First()));

        AssertEachCaseIsWhatItSays();
        var issuer = Services.GetRequiredService<LocalTokenIssuer>();
        foreach (var caller in Caller.All)
        {
            if (!caller.IsAnonymous)
            {
                tokens[caller] = issuer.Mint(UserOf(caller));
            }

            pageSessions[caller] = await PageSessionAsync(caller);
        }

        world = world with { Cases = await AddNotificationsAsync(world.Cases) };
    }

    /// <summary>
    /// Each agency worker's own legs went to their organisation, the colleague's to another organisation of that type,
    /// and council B's to the worker's own organisation: only the tenant tells them apart. Else a cell would not mean what the matrix says.
    /// </summary>
    void AssertEachCaseIsWhatItSays()
    {
        foreach (var worker in Caller.Agencies)
        {
            var organisation = UserOf(worker).Organisation;
            Assert.Equal(organisation, World.Cases[Ownership.Own].Recipients[worker.Agency!]);
            Assert.NotEqual(organisation, World.Cases[Ownership.OtherOrganisation].Recipients[worker.Agency!]);
            Assert.Equal(organisation, World.Cases[Ownership.OtherTenant].Recipients[worker.Agency!]);
        }
    }

    /// <summary>The caller as their token and cookie carry them: council A's staff, council A's young person, and each agency's worker for council A.</summary>
    public HubUser UserOf(Caller caller) => caller switch
    {
        { IsAnonymous: true } => throw new InvalidOperationException("Nobody signed in has no claims."),
        { Role: HubRoles.Agency, Agency: { } agency } => new HubUser(
            $"{agency}-worker", $"Matrix {caller.Name}", HubRoles.Agency, TenantA, agency, null, AgencyDirectory.OrganisationFor(TenantA, null, agency).Code),
        { Role: HubRoles.YoungPerson } => new HubUser(
            "young-person", "Matrix young person", HubRoles.YoungPerson, TenantA, null, null, YoungPersonId: World.Cases[Ownership.Own].YoungPerson),
        _ => StaffUser(caller, TenantA),
    };

    static HubUser StaffUser(Caller caller, string tenantId) => new(StaffId(caller), $"Matrix {caller.Name}", caller.Role!, tenantId, null, null);

    static string StaffId(Caller caller) => caller.Role!.ToLowerInvariant();

    /// <summary>Sends the cell's request as its caller and reads the reply.</summary>
    public async Task<Reply> SendAsync(Cell cell)
    {
        var row = cell.Row;
        using var request = new HttpRequestMessage(new HttpMethod(row.Method == "ANY" ? "GET" : row.Method), cell.Address);
        var session = pageSessions[cell.Caller];
        if (row.IsPage)
        {
            request.Headers.Add("Cookie", session.Cookies);
        }
        else if (tokens.TryGetValue(cell.Caller, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        switch (row.Body?.Invoke(cell))
        {
            case Payload.Json json:
                request.Content = JsonContent.Create(json.Value);
                break;
            case Payload.Text text:
                request.Content = new StringContent(text.Body, Encoding.UTF8, text.ContentType);
                foreach (var (name, value) in text.Headers)
                {
                    request.Headers.Add(name, value);
                }

                break;
            case Payload.Form form:
                request.Content = new FormUrlEncodedContent(form.Fields.Append(new("__RequestVerificationToken", session.AntiforgeryToken)));
                break;
        }

        using var response = await Client.SendAsync(request);
        var location = response.Headers.Location is { } at ? (at.IsAbsoluteUri ? at.PathAndQuery : at.OriginalString) : null;
        return new Reply((int)response.StatusCode, location, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A young person with a plan of every section, referred to every agency at once, the referral then cancelled;
    /// consent to every agency recorded and withdrawn; an escalation about it at each level, raised and resolved by that level's manager; and the NHS leg's Task.
    /// </summary>
    async Task<CaseObjects> MakeCaseAsync(string tenantId, string adviser, string? residenceArea)
    {
        using var pa = PersonalAdviser(tenantId, adviser);
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson() with { ResidenceArea = residenceArea });
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan([.. PlanSectionCodes.All]));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [.. PlanSectionCodes.All], [.. AgencyCodes.All]));
        var legs = referral.Legs.ToDictionary(l => l.Agency, l => l.Id);
        var recipients = (await pa.GetReferralAsync(referral.Id)).Legs.ToDictionary(l => l.Agency, l => l.Recipient.Code);
        await ExpectAsync(await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest("Made to end for the access matrix")), HttpStatusCode.Accepted);

        // Consent to every agency recorded and withdrawn, so that each withdrawal a cell asks for is refused and changes nothing.
        foreach (var agency in AgencyCodes.All)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await ExpectAsync(await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/consents", new RecordConsent(agency, today.AddDays(-7), "Signed form in case file", today.AddMonths(6))), HttpStatusCode.Created);
            await ExpectAsync(await pa.PostAsJsonAsync($"/api/young-people/{person.Id}/consents/{agency}/withdrawal", new WithdrawConsent("Withdrawn for the access matrix")), HttpStatusCode.OK);
        }

        var escalations = new Dictionary<int, Guid>();
        var decisions = new Dictionary<string, Guid>();
        var issuer = Services.GetRequiredService<LocalTokenIssuer>();
        foreach (var manager in new[] { Caller.TeamManager, Caller.HeadOfService, Caller.BoardMember })
        {
            var level = manager.EscalationLevel!.Value;
            using var client = CreateClient(issuer.Mint(StaffUser(manager, tenantId)));
            var raised = await client.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, legs[AgencyCodes.Housing], "Raised for the access matrix", level));
            await ExpectAsync(raised, HttpStatusCode.Created);
            var escalation = (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;
            if (level == EscalationLadder.TopLevel)
            {
                await DecideForEachAgencyAsync(client, escalation.Id, recipients, decisions);
            }

            await ExpectAsync(await client.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Resolved for the access matrix")), HttpStatusCode.OK);
            escalations[level] = escalation.Id;
        }

        var nhsOrganisation = AgencyDirectory.OrganisationFor(tenantId, residenceArea, AgencyCodes.Nhs).Code;
        using var nhs = CreateClient(issuer.Mint(new HubUser("nhs-worker", "NHS worker", HubRoles.Agency, tenantId, AgencyCodes.Nhs, null, nhsOrganisation)));
        var read = await nhs.GetAsync($"/fhir/Task/{legs[AgencyCodes.Nhs]}");
        await ExpectAsync(read, HttpStatusCode.OK);
        var task = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        task["status"] = "accepted";

        return new CaseObjects(tenantId, person.Id, referral.Id, legs, recipients, escalations, decisions, new Dictionary<string, Guid>(), task.ToJsonString());
    }

    /// <summary>
    /// The board gives each agency's organisation of the case an action on its board-level escalation, and marks it done,
    /// so that each progress a cell records is refused and changes nothing.
    /// </summary>
    static async Task DecideForEachAgencyAsync(HttpClient board, Guid escalationId, IReadOnlyDictionary<string, string> recipients, Dictionary<string, Guid> decisions)
    {
        foreach (var (agency, organisation) in recipients)
        {
            var decided = await board.PostAsJsonAsync("/api/board/decisions", new RecordBoardDecision(
                escalationId, "Answer the case for the access matrix", organisation, "Matrix Owner", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
            await ExpectAsync(decided, HttpStatusCode.Created);
            var decision = (await decided.Content.ReadFromJsonAsync<BoardDecisionSummary>())!;
            await ExpectAsync(await board.PostAsJsonAsync($"/api/board/decisions/{decision.Id}/progress", new RecordProgress("done", "Done for the access matrix")), HttpStatusCode.OK);
            decisions[agency] = decision.Id;
        }
    }

    /// <summary>
    /// A notification for every signed-in caller in each case, about that case's referral. Staff and young people are told
    /// by name: the caller in council A, a colleague of theirs in council A, the caller in council B. An agency is told as
    /// the hub tells it of an escalation, by its agency type's role: in council A of its own organisation's referral and of
    /// another organisation's (each notice for the organisation its leg went to), in council B of council B's. No endpoint makes one on request (the hub's consumers do), so
    /// they are stored directly.
    /// </summary>
    async Task<IReadOnlyDictionary<Ownership, CaseObjects>> AddNotificationsAsync(IReadOnlyDictionary<Ownership, CaseObjects> cases)
    {
        var notifications = (
            from caller in Caller.All.Where(c => !c.IsAnonymous)
            from ownership in cases.Keys
            let id = Guid.NewGuid()
            select (Caller: caller, Case: ownership, Notification: new Notification
            {
                Id = id,
                TenantId = cases[ownership].TenantId,
                UserId = caller.Agency is null ? UserOf(caller).Id + (ownership == Ownership.OtherOrganisation ? ColleagueSuffix : "") : null,
                Role = caller.Agency is { } agency ? NotificationOptions.AgencyRole(agency) : null,
                Organisation = caller.Agency is { } recipient ? cases[ownership].Recipients[recipient] : null,
                // The inbox page shows a read notification without its id: its subject names it, so a list shows it read or not.
                Subject = $"For the access matrix: {id}",
                Body = "A notification the access matrix reads and marks read.",
                ReferralId = cases[ownership].Referral,
                CreatedAt = DateTimeOffset.UtcNow,
            })).ToList();
        await QueryAsync(async db =>
        {
            db.Notifications.AddRange(notifications.Select(n => n.Notification));
            return await db.SaveChangesAsync();
        });
        return cases.ToDictionary(
            c => c.Key,
            c => c.Value with { Notifications = notifications.Where(n => n.Case == c.Key).ToDictionary(n => n.Caller.Name, n => n.Notification.Id) });
    }

    /// <summary>
    /// The sign-in cookie the local sign-in page would give the caller (the principal the API's bearer validation makes
    /// of their token, as the page does), and the antiforgery cookie and token a page form of theirs carries.
    /// </summary>
    async Task<PageSession> PageSessionAsync(Caller caller)
    {
        var cookie = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(HubPages.CookieScheme);
        var session = caller.IsAnonymous ? null : $"{cookie.Cookie.Name}={await SignInTicketAsync(tokens[caller], cookie)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, HubPages.SignInPath);
        if (session is not null)
        {
            request.Headers.Add("Cookie", session);
        }

        using var response = await Client.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("hub.antiforgery=", StringComparison.Ordinal));
        var form = AntiforgeryField().Match(await response.Content.ReadAsStringAsync());
        Assert.True(form.Success, $"The sign-in page gave {caller} no antiforgery token.");
        return new PageSession(session is null ? antiforgery : $"{session}; {antiforgery}", form.Groups[1].Value);
    }

    async Task<string> SignInTicketAsync(string token, CookieAuthenticationOptions cookie)
    {
        await using var scope = Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Headers.Authorization = $"Bearer {token}";
        var validated = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        Assert.True(validated.Succeeded, $"The hub refused its own token: {validated.Failure?.Message}");
        var now = DateTimeOffset.UtcNow;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) };
        return cookie.TicketDataFormat.Protect(new AuthenticationTicket(validated.Principal!, properties, HubPages.CookieScheme));
    }

    sealed record PageSession(string Cookies, string AntiforgeryToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
