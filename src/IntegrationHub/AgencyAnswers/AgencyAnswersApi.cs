using System.Security.Claims;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Idempotency;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.AgencyAnswers;

/// <summary>
/// Agencies on the webhook channel answer over HTTPS: a POST of their answer document, in their
/// own format, authenticated with their agency token, for legs addressed to their organisation only,
/// idempotent on <c>X-Request-Id</c> (per organisation, <see cref="IdempotencyMiddleware"/>): a repeat returns the first
/// result and changes nothing, however many come at once; a different body under a used id is a 409.
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
            .ProducesProblem(StatusCodes.Status409Conflict)

            // An answer refused by the leg's lifecycle is recorded on its timeline: its 409 is kept like a success.
            .Idempotent(new IdempotentAttribute { Header = RequestIdHeader, Required = true, AlsoKept = [StatusCodes.Status409Conflict] });
        return app;
    }

    public sealed record AnswersRecorded(IReadOnlyList<AnswerRecorded> Answers);

    public sealed record AnswerRecorded(string Type, Guid AnswerId, Guid LegId, string Outcome, string? Refusal);

    public sealed record Services(AgencyAnswerRecorder Recorder, AgencyDefinitions Agencies, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static async Task<IResult> RecordAsync(HttpRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var user = services.User;
        // Every agency's format is JSON: a body declared as anything else is not read as an answer.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "Unsupported media type", detail: "An answer is JSON: send it as application/json (or the agency's +json type).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
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
        return Results.Json(new AnswersRecorded(recorded), JsonSerializerOptions.Web, statusCode: status);
    }
}
