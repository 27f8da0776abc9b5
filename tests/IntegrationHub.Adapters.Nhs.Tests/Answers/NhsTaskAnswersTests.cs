using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Nhs.Answers;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Contracts.V1;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Tests.Answers;

public class NhsTaskAnswersTests
{
    static readonly DateTimeOffset At = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The leg's Task as an NHS system sends it back, with its own reference added.</summary>
    static FhirTask Task(FhirTask.TaskStatus status, Action<FhirTask>? change = null)
    {
        var task = new FhirTask
        {
            Id = "nhs-task-1",
            Identifier =
            [
                new Identifier(NhsSystems.Leg, TestLegs.LegId.ToString()),
                new Identifier("https://trust.example.nhs.uk/referrals", "RRP-REF-778"),
            ],
            Status = status,
            Intent = FhirTask.TaskIntent.Order,
            Owner = new ResourceReference { Display = "Barnet CAMHS", Identifier = new Identifier(NhsSystems.OdsOrganisationCode, "RRP") },
            LastModified = "2026-01-06T10:00:00Z",
        };
        change?.Invoke(task);
        return task;
    }

    static T Answer<T>(FhirTask task) where T : ILegAnswer
    {
        var answer = Assert.IsType<T>(NhsTaskAnswers.FromTask(task));
        Assert.Equal(TestLegs.LegId, answer.LegId);
        Assert.Equal(AgencyCodes.Nhs, answer.Agency);
        Assert.Equal("Barnet CAMHS (ODS RRP)", answer.AnsweredBy);
        Assert.Equal(At, answer.AnsweredAt);
        return answer;
    }

    static AgencyAnswerRejectedException Refused(FhirTask task, string element)
    {
        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromTask(task));
        Assert.Equal([element], error.Errors.Keys);
        return error;
    }

    [Fact]
    public void Received_is_an_acknowledgement_with_the_NHS_systems_reference()
    {
        var acknowledged = Answer<LegAcknowledged>(Task(FhirTask.TaskStatus.Received));

        Assert.Equal("RRP-REF-778", acknowledged.AgencyReference);
    }

    [Fact]
    public void Received_without_an_NHS_reference_is_an_acknowledgement_without_one()
    {
        var acknowledged = Answer<LegAcknowledged>(Task(FhirTask.TaskStatus.Received, t => t.Identifier.RemoveAt(1)));

        Assert.Null(acknowledged.AgencyReference);
    }

    [Fact]
    public void Accepted_is_an_acceptance_with_the_note()
    {
        var accepted = Answer<LegAccepted>(Task(FhirTask.TaskStatus.Accepted, t => t.Note = [new Annotation { Text = "Triage appointment offered" }]));

        Assert.Equal("Triage appointment offered", accepted.Note);
    }

    [Fact]
    public void Rejected_is_a_decline_with_the_reason_code_and_text()
    {
        var declined = Answer<LegDeclined>(Task(FhirTask.TaskStatus.Rejected, t =>
            t.StatusReason = new CodeableConcept("https://trust.example.nhs.uk/decline-reasons", "out-of-area", "Out of area", "Lives outside our catchment; refer to Leeds.")));

        Assert.Equal("out-of-area", declined.ReasonCode);
        Assert.Equal("Lives outside our catchment; refer to Leeds.", declined.Reason);
    }

    [Fact]
    public void Rejected_without_a_statusReason_is_refused()
    {
        var error = Refused(Task(FhirTask.TaskStatus.Rejected), "Task.statusReason");

        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Task_lacking_several_elements_is_refused_naming_each_at_once()
    {
        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Rejected, t =>
        {
            t.Identifier.RemoveAt(0);
            t.Owner = null;
            t.LastModified = null;
        })));

        Assert.Equal(["Task.identifier", "Task.owner", "Task.lastModified", "Task.statusReason"], error.Errors.Keys);
        Assert.All(error.Errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void Rejected_without_a_reason_code_is_refused()
    {
        Refused(Task(FhirTask.TaskStatus.Rejected, t => t.StatusReason = new CodeableConcept { Text = "No capacity" }), "Task.statusReason.coding");
    }

    [Fact]
    public void In_progress_is_a_start()
    {
        var started = Answer<LegStarted>(Task(FhirTask.TaskStatus.InProgress));

        Assert.Null(started.Note);
    }

    [Fact]
    public void On_hold_is_a_pause_with_the_reason()
    {
        var onHold = Answer<LegPutOnHold>(Task(FhirTask.TaskStatus.OnHold, t => t.StatusReason = new CodeableConcept { Text = "Waiting for GP records" }));

        Assert.Equal("Waiting for GP records", onHold.Reason);
    }

    [Fact]
    public void On_hold_without_a_reason_text_is_refused()
    {
        Refused(Task(FhirTask.TaskStatus.OnHold, t => t.StatusReason = new CodeableConcept()), "Task.statusReason.text");
    }

    [Fact]
    public void Completed_is_a_completion_with_the_output_string_as_outcome()
    {
        var completed = Answer<LegCompleted>(Task(FhirTask.TaskStatus.Completed, t =>
            t.Output = [new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "outcome" }, Value = new FhirString("Registered with Barnet GP; CAMHS transition plan agreed") }]));

        Assert.Equal("Registered with Barnet GP; CAMHS transition plan agreed", completed.Outcome);
    }

    [Fact]
    public void Completed_takes_the_outcome_from_an_output_CodeableConcept_too()
    {
        var completed = Answer<LegCompleted>(Task(FhirTask.TaskStatus.Completed, t =>
            t.Output = [new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "outcome" }, Value = new CodeableConcept { Text = "Discharged to GP care" } }]));

        Assert.Equal("Discharged to GP care", completed.Outcome);
    }

    [Fact]
    public void Completed_without_an_output_is_refused()
    {
        Refused(Task(FhirTask.TaskStatus.Completed), "Task.output");
    }

    [Theory]
    [InlineData(FhirTask.TaskStatus.Draft)]
    [InlineData(FhirTask.TaskStatus.Requested)]
    [InlineData(FhirTask.TaskStatus.Ready)]
    [InlineData(FhirTask.TaskStatus.Cancelled)]
    [InlineData(FhirTask.TaskStatus.Failed)]
    [InlineData(FhirTask.TaskStatus.EnteredInError)]
    public void A_status_that_is_no_answer_is_refused_by_name(FhirTask.TaskStatus status)
    {
        var error = Refused(Task(status), "Task.status");

        Assert.Contains($"'{Hl7.Fhir.Utility.EnumUtility.GetLiteral(status)}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_without_a_leg_identifier_is_refused()
    {
        Refused(Task(FhirTask.TaskStatus.Accepted, t => t.Identifier.RemoveAt(0)), "Task.identifier");
    }

    [Fact]
    public void Task_without_an_owner_is_refused()
    {
        Refused(Task(FhirTask.TaskStatus.Accepted, t => t.Owner = null), "Task.owner");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-01-06")]
    public void Task_without_a_full_lastModified_is_refused(string? lastModified)
    {
        Refused(Task(FhirTask.TaskStatus.Accepted, t => t.LastModified = lastModified), "Task.lastModified");
    }

    [Theory]
    [InlineData("resourceType", "[]")]
    [InlineData("resourceType", "{}")]
    [InlineData("resourceType", "42")]
    [InlineData("resourceType", "\"Nothing\"")]
    [InlineData("resourceType", "\"\"")]
    [InlineData("status", "[]")]
    [InlineData("owner", "\"text\"")]
    public void Task_JSON_of_the_wrong_shape_is_refused_not_thrown(string element, string raw)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(NhsFhirJson.Serialize(Task(FhirTask.TaskStatus.Accepted)))!.AsObject();
        json[element] = System.Text.Json.Nodes.JsonNode.Parse(raw);

        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromJson(json.ToJsonString()));
        Assert.Equal(["Task"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("a\\u0000b")]
    [InlineData("\\u0000")]
    public void Task_text_holding_a_NUL_is_refused(string escaped)
    {
        var json = NhsFhirJson.Serialize(Task(FhirTask.TaskStatus.Accepted)).Replace("\"Barnet CAMHS\"", $"\"{escaped}\"", StringComparison.Ordinal);

        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromJson(json));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ude00\\ud83d")]
    [InlineData("a\\ud83d")]
    [InlineData("\\udc00b")]
    public void Task_text_holding_a_lone_surrogate_is_refused(string escaped)
    {
        var task = NhsFhirJson.Serialize(Task(FhirTask.TaskStatus.Accepted));

        foreach (var json in new[] { task.Replace("\"Barnet CAMHS\"", $"\"{escaped}\"", StringComparison.Ordinal), task.Replace("\"Task\"", $"\"{escaped}\"", StringComparison.Ordinal) })
        {
            var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromJson(json));
            Assert.Equal(["Task"], error.Errors.Keys);
        }
    }

    [Fact]
    public void Same_Task_twice_gives_the_same_answer_id()
    {
        var first = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted));
        var again = NhsTaskAnswers.FromJson(NhsFhirJson.Serialize(Task(FhirTask.TaskStatus.Accepted)));

        Assert.Equal(first.AnswerId, again.AnswerId);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Same_moment_in_another_time_zone_gives_the_same_answer_id()
    {
        var utc = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted));
        var london = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted, t => t.LastModified = "2026-01-06T11:00:00+01:00"));

        Assert.Equal(utc.AnswerId, london.AnswerId);
    }

    [Fact]
    public void Different_lastModified_gives_a_different_answer_id()
    {
        var first = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted));
        var later = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted, t => t.LastModified = "2026-01-06T10:00:01Z"));

        Assert.NotEqual(first.AnswerId, later.AnswerId);
    }

    [Fact]
    public void Different_status_gives_a_different_answer_id()
    {
        var received = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Received));
        var accepted = NhsTaskAnswers.FromTask(Task(FhirTask.TaskStatus.Accepted));

        Assert.NotEqual(received.AnswerId, accepted.AnswerId);
    }

    [Fact]
    public void Task_JSON_is_mapped()
    {
        const string json = """
            {
              "resourceType": "Task",
              "id": "abc",
              "identifier": [{ "system": "urn:care-leaver-hub:leg", "value": "6f1c2a4e-3b5d-4e7f-9a1b-2c3d4e5f6a7b" }],
              "status": "on-hold",
              "intent": "order",
              "statusReason": { "text": "Young person asked to pause" },
              "lastModified": "2026-01-06T10:00:00Z",
              "owner": { "identifier": { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RRP" } }
            }
            """;

        var onHold = Assert.IsType<LegPutOnHold>(NhsTaskAnswers.FromJson(json));

        Assert.Equal(TestLegs.LegId, onHold.LegId);
        Assert.Equal("ODS RRP", onHold.AnsweredBy);
        Assert.Equal("Young person asked to pause", onHold.Reason);
    }

    [Fact]
    public void JSON_that_is_not_a_Task_is_refused_by_its_type()
    {
        var json = NhsFhirJson.Serialize(new Patient { Id = "p1" });

        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromJson(json));

        Assert.Contains("Expected a FHIR Task", error.Message, StringComparison.Ordinal);
        Assert.Contains("Patient", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "hello": "world" }""")]
    [InlineData("""{ "resourceType": "Task", "status": "no-such-status", "intent": "order" }""")]
    public void Text_that_is_not_FHIR_JSON_is_refused_clearly(string json)
    {
        var error = Assert.Throws<AgencyAnswerRejectedException>(() => NhsTaskAnswers.FromJson(json));

        Assert.Equal(["Task"], error.Errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
