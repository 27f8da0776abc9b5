using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Hl7.Fhir.Model;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.Tests.Fhir;
using IntegrationHub.Tests.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.ServiceDefaults;

/// <summary>
/// The FHIR facade and the pages while the database is out of reach: a 503 with <c>Retry-After</c> in each one's own
/// form (an OperationOutcome, the error page), never a 500. The API's own 503 is checked on PostgreSQL.
/// </summary>
public sealed class DatabaseOutageAnswersTests(DatabaseOutageAnswersTests.HubWithFailingDatabase hub) : IClassFixture<DatabaseOutageAnswersTests.HubWithFailingDatabase>
{
    [Fact]
    public async System.Threading.Tasks.Task Fhir_facade_answers_503_with_a_transient_operation_outcome_and_retry_after()
    {
        using var nhs = hub.AgencyWorker(AgencyCodes.Nhs);

        using var response = await hub.WhileTheDatabaseIsAwayAsync(() => nhs.GetAsync($"/fhir/Task/{Guid.NewGuid()}"));

        var outcome = await FhirWire.ReadFhirAsync<OperationOutcome>(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueType.Transient, issue.Code);
        Assert.StartsWith("The hub's database is unavailable", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Page_answers_503_with_retry_after_and_says_nothing_was_saved()
    {
        using var browser = await hub.SignedInBrowserAsync(LocalUsers.PersonalAdviser(HubFactory.TenantA));

        using var response = await hub.WhileTheDatabaseIsAwayAsync(() => browser.GetAsync("/workspace"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sorry, the hub is unavailable for a moment", page, StringComparison.Ordinal);
        Assert.Contains("It cannot reach its database just now, so what you asked for was not done and nothing you sent was saved.", page, StringComparison.Ordinal);
    }

    /// <summary>A hub whose database commands fail, while a test says so, as they do when PostgreSQL refuses connections.</summary>
    public sealed class HubWithFailingDatabase : HubFactory
    {
        readonly DatabaseAway away = new();

        public async Task<HttpResponseMessage> WhileTheDatabaseIsAwayAsync(Func<Task<HttpResponseMessage>> request)
        {
            away.Now = true;
            try
            {
                return await request();
            }
            finally
            {
                away.Now = false;
            }
        }

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            // Local sign-in offers the users of the local authorities it can name.
            builder.UseSetting($"Tenants:LocalAuthorities:{TenantA}:Name", "Council A");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteHubDbContext>(o => o.AddInterceptors(away)));
        }
    }

    sealed class DatabaseAway : DbCommandInterceptor
    {
        public volatile bool Now;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Now ? throw Refused() : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Now ? throw Refused() : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            Now ? throw Refused() : ValueTask.FromResult(result);

        // What Npgsql throws when the server refuses the connection: a transient failure.
        static NpgsqlException Refused() => new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
    }
}
