using IntegrationHub.Adapters;
using IntegrationHub.AgencyAnswers;
using IntegrationHub.Auditing;
using IntegrationHub.Board;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Consents;
using IntegrationHub.Demo;
using IntegrationHub.Escalations;
using IntegrationHub.Fhir;
using IntegrationHub.Idempotency;
using IntegrationHub.Legs;
using IntegrationHub.LoadShedding;
using IntegrationHub.Me;
using IntegrationHub.Messaging;
using IntegrationHub.Notifications;
using IntegrationHub.OpenApi;
using IntegrationHub.Pages;
using IntegrationHub.Outbox;
using IntegrationHub.Operations;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.SubjectAccess;
using IntegrationHub.YoungPeople;

var builder = WebApplication.CreateBuilder(args);
if (LocalTokenCommand.IsRequested(args))
{
    return LocalTokenCommand.Run(builder, args);
}

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(builder, Console.Out, Console.Error);
}

builder.AddServiceDefaults();
builder.AddWebHardening();
builder.AddPersistence();
builder.AddSharedKeyRing();
builder.AddHubSecurity();
builder.AddAuditing();
builder.AddIdempotency();
builder.AddSubjectAccess();
builder.AddYoungPeople();
builder.AddPathwayPlans();
builder.AddReferrals();
builder.AddConsents();
builder.AddMe();
builder.AddLegs();
builder.AddDemo();
builder.AddAllAgencyAdapters();
builder.AddOutbox();
builder.AddMessaging(bus =>
{
    bus.AddReferralConsumers();
    bus.AddNotificationConsumers();
});
builder.AddEscalations();
builder.AddBoard();
builder.AddBoardDecisions();
builder.AddNotifications();
builder.AddOperations();
builder.AddLoadShedding();
builder.AddApiDocumentation();
builder.AddHubPages();

var app = builder.Build();
app.UseWebHardening();
app.UseServiceDefaults();
app.UseFhirErrors();
app.UseHubPages();

// After the error pages, so that a re-executed request is routed to the error page.
app.UseRouting();
app.UseLoadShedding();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseCallersTenant();
app.UseIdempotency();
app.MapHealthEndpoints();
app.MapApiDocumentation();
app.MapYoungPeopleApi();
app.MapPathwayPlansApi();
app.MapReferralsApi();
app.MapConsentsApi();
app.MapMeApi();
app.MapLegsApi();
app.MapFhirApi();
app.MapAgencyAnswersApi();
app.MapEscalationsApi();
app.MapBoardApi();
app.MapBoardDecisionsApi();
app.MapNotificationsApi();
app.MapOperationsApi();
app.MapAuditApi();
app.MapSubjectAccessApi();
app.MapHubPages();
app.Run();
return 0;

public partial class Program;
