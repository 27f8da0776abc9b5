namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// An agency's answer document the hub cannot take: nothing is passed on. <see cref="Errors"/> names
/// each bad field as the document spells it, with what is wrong, ready for an RFC 7807 validation
/// problem; <see cref="Field"/> and <see cref="Reason"/> are the first of them.
/// </summary>
public sealed class AgencyAnswerRejectedException : Exception
{
    /// <summary>One bad field.</summary>
    public AgencyAnswerRejectedException(string field, string message, Exception? innerException = null)
        : this(new Dictionary<string, string[]> { [field] = [message] }, innerException)
    {
    }

    /// <summary>Each bad field with what is wrong with it, in the order they were found.</summary>
    /// <exception cref="ArgumentException">No field is named, or a field has no message.</exception>
    public AgencyAnswerRejectedException(IReadOnlyDictionary<string, string[]> errors, Exception? innerException = null)
        : base(Describe(errors), innerException)
    {
        Errors = errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
        (Field, Reason) = (errors.First().Key, errors.First().Value[0]);
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The first bad field.</summary>
    public string Field { get; }

    /// <summary>What is wrong with <see cref="Field"/>.</summary>
    public string Reason { get; }

    static string Describe(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0 || errors.Any(e => string.IsNullOrEmpty(e.Key) || e.Value is not { Length: > 0 }))
        {
            throw new ArgumentException("A rejection names at least one field, each with what is wrong.", nameof(errors));
        }

        return string.Join(" ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));
    }
}
