using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class FormatExceptionsTests
{
    static readonly Guid LegId = new("6e1f0a9b-8c7d-4e6f-a5b4-c3d2e1f0a9b8");

    [Fact]
    public void Rejection_of_one_field_keeps_its_message_and_cause()
    {
        var cause = new FormatException("Not FHIR.");

        var rejected = new AgencyAnswerRejectedException("Task.status", "The Task has no status.", cause);

        Assert.Equal("Task.status: The Task has no status.", rejected.Message);
        Assert.Equal(["Task.status"], rejected.Errors.Keys);
        Assert.Equal(["The Task has no status."], rejected.Errors["Task.status"]);
        Assert.Same(cause, rejected.InnerException);
    }

    [Fact]
    public void Rejection_of_several_fields_names_each_in_the_order_found()
    {
        var errors = new FieldErrors();
        errors.Add("answerId", "'answerId' is required.");
        errors.Add("type", "'type' is required.");
        errors.Add("type", "Another.");

        var rejected = new AgencyAnswerRejectedException(errors);

        Assert.Equal(["answerId", "type"], rejected.Errors.Keys);
        Assert.Equal(["'type' is required.", "Another."], rejected.Errors["type"]);
        Assert.Equal("answerId: 'answerId' is required. type: 'type' is required. type: Another.", rejected.Message);
    }

    [Fact]
    public void Rejection_names_at_least_one_field()
    {
        Assert.Throws<ArgumentException>(() => new AgencyAnswerRejectedException(new FieldErrors()));
    }

    [Fact]
    public void Undeliverable_leg_says_which_leg_where_and_why()
    {
        var refused = new LegUndeliverableException(LegId, "the youth offending service", "person.dateOfBirth", "the young person is too young.");

        Assert.Equal($"Leg {LegId} cannot be sent to the youth offending service: the young person is too young.", refused.Message);
        Assert.Equal(("person.dateOfBirth", LegId), (refused.Field, refused.LegId));
    }

    [Fact]
    public void Undeliverable_leg_may_give_only_a_reason()
    {
        var refused = new LegUndeliverableException("No NHS number.");

        Assert.Equal("No NHS number.", refused.Message);
        Assert.Null(refused.Field);
        Assert.Null(refused.LegId);
    }

    [Fact]
    public void Leg_addressed_to_another_agency_is_undeliverable()
    {
        LegUndeliverableException.ThrowIfAddressedElsewhere(LegId, "dwp", "dwp", "dwp");

        var refused = Assert.Throws<LegUndeliverableException>(() => LegUndeliverableException.ThrowIfAddressedElsewhere(LegId, "nhs", "dwp", "dwp"));

        Assert.Equal("agency", refused.Field);
        Assert.Equal($"Leg {LegId} cannot be sent to dwp: it is addressed to 'nhs', not 'dwp'.", refused.Message);
    }
}
