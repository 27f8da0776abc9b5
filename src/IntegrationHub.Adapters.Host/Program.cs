using IntegrationHub.Adapters;
using IntegrationHub.Messaging;
using IntegrationHub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAllAgencyAdapters();
builder.AddMessaging(_ => { });

var app = builder.Build();
app.UseServiceDefaults();
app.MapHealthEndpoints();
app.Run();

public partial class Program;
