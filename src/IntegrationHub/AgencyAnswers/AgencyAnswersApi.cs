using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.AgencyAnswers;

/// <summary>
/// Agencies on the webhook channel answer over HTTPS: a POST of their answer document, in their
/// own format, authenticated with their agency token, for legs addressed to their organisation only,
/// idempotent on <c>X-Request-Id</c> (per organisation): a repeat returns the first result and changes
/// nothing; a different body under a used id is a 409.
/// </summary>
public static class AgencyAnswersApi
{
    public const string RequestIdHeader = "X-Request-Id";

    public static IEndpointRouteBuilder MapAgencyAnswersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agency-answers", RecordAsync)
            .WithTags("Agency legs")
            .WithName("RecordAgencyAnswer")
            .RequireAuthorization(HubPolicies.AgencyWorker)
            .Accepts<string>("application/json", "application/fhir+json")
            .Produces<AnswersRecorded>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record AnswersRecorded(IReadOnlyList<AnswerRecorded> Answers);

    public sealed record AnswerRecorded(string Type, Guid AnswerId, Guid LegId, string Outcome, string? Refusal);

    public sealed record Services(HubDbContext Db, AgencyAnswerRecorder Recorder, AgencyDefinitions Agencies, TimeProvider Clock, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<IResult> RecordAsync(HttpRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var user = services.User;
        var requestId = request.Headers[RequestIdHeader].ToString();
        if (requestId.Length is 0 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [RequestIdHeader] = ["Every answer needs an X-Request-Id header of 1 to 100 characters, unique to the request."] });
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var earlier = await services.Db.IdempotentRequests.SingleOrDefaultAsync(
            r => r.Agency == user.Agency && r.Organisation == user.Organisation && r.RequestId == requestId, cancellationToken);
        if (earlier is not null)
        {
            return earlier.BodyHash == hash
                ? Results.Text(earlier.Response, "application/json", Encoding.UTF8, earlier.StatusCode)
                : TypedResults.Problem(
                    title: "X-Request-Id already used",
                    detail: $"Request '{requestId}' was already answered for a different body; send a new id for a new answer.",
                    statusCode: StatusCodes.Status409Conflict);
        }

        IReadOnlyList<Contracts.V1.ILegAnswer> answers;
        try
        {
            answers = services.Agencies.For(user.Agency!).Format.ReadAnswer(body);
        }
        catch (AgencyAnswerRejectedException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }

        var recorded = new List<AnswerRecorded>();
        foreach (var answer in answers)
        {
            var outcome = await services.Recorder.RecordAsync(answer, AnswerSource.SignedIn(user), cancellationToken);
            if (outcome == AnswerOutcome.UnknownLeg)
            {
                return TypedResults.Problem(title: "Unknown leg", detail: $"No leg {answer.LegId} is shared with you.", statusCode: StatusCodes.Status404NotFound);
            }

            recorded.Add(new AnswerRecorded(answer.GetType().Name, answer.AnswerId, answer.LegId, outcome.Kind, outcome.Refusal));
            if (outcome.Refusal is not null)
            {
                // The rest of the document depends on what was refused (a duty follows an acceptance).
                break;
            }
        }

        var status = recorded.Any(r => r.Refusal is not null) ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        var response = JsonSerializer.Serialize(new AnswersRecorded(recorded), JsonSerializerOptions.Web);
        services.Db.IdempotentRequests.Add(new IdempotentRequest
        {
            TenantId = user.TenantId,
            Agency = user.Agency!,
            Organisation = user.Organisation!,
            RequestId = requestId,
            BodyHash = hash,
            StatusCode = status,
            Response = response,
            At = services.Clock.GetUtcNow(),
        });
        await services.Db.SaveChangesAsync(cancellationToken);
        return Results.Text(response, "application/json", Encoding.UTF8, status);
    }
}
