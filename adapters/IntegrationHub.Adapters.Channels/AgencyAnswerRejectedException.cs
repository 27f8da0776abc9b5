using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// An agency's answer document the hub cannot take: nothing is passed on. <see cref="Errors"/> names
/// every bad field as the document spells it, with what is wrong, ready for an RFC 9457 validation
/// problem (or one OperationOutcome issue each); there is deliberately no "first" field, so whoever
/// answers the agency tells it everything at once.
/// </summary>
public sealed class AgencyAnswerRejectedException : Exception
{
    /// <summary>One bad field, when nothing else can be read (the document is not JSON, or not the resource expected).</summary>
    public AgencyAnswerRejectedException(string field, string message, Exception? innerException = null)
        : this(One(field, message), innerException)
    {
    }

    /// <summary>Each bad field with what is wrong with it, in the order they were found.</summary>
    /// <exception cref="ArgumentException">No field is named.</exception>
    public AgencyAnswerRejectedException(FieldErrors errors, Exception? innerException = null)
        : base(Describe(errors), innerException)
    {
        Errors = errors.ToDictionary();
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    static FieldErrors One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }

    static string Describe(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!errors.Any)
        {
            throw new ArgumentException("A rejection names at least one field, with what is wrong.", nameof(errors));
        }

        return string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));
    }
}
