using System.Text;

namespace IntegrationHub.Testing.Hostile;

/// <summary>
/// One request the hub must refuse: a write with exactly one thing wrong by construction (<see cref="Mutation"/>), and
/// hostile but harmless company (exotic text in other fields, extra properties, query strings and headers).
/// </summary>
/// <param name="Mutation">What makes it invalid, for the failure message.</param>
/// <param name="Named">
/// The fields a validation problem may name: the mutated field and every field given hostile company, each as a JSON path
/// ("legs[0].agency"); null for whole-body garbage, where the problem may name the body or wherever the body broke.
/// </param>
public sealed record HostileRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[]? Body,
    string Mutation,
    IReadOnlyList<string>? Named)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        foreach (var (name, value) in Headers)
        {
            // Without validation: the oddities are the point, and the hub must meet them as a client could send them.
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    /// <summary>The request as a failure prints it: method, path, headers and body, with every character that is not plain ASCII escaped.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Escape(Path, 500)}\n  mutation: {Mutation}\n");
        foreach (var (name, value) in Headers)
        {
            text.Append($"  {name}: {Escape(value, 200)}\n");
        }

        text.Append($"  Content-Type: {(ContentType is null ? "(none)" : Escape(ContentType, 200))}\n");
        text.Append(Body is null ? "  (no body)" : $"  body ({Body.Length} bytes): {Escape(Encoding.UTF8.GetString(Body), 2000)}");
        return text.ToString();
    }

    static string Escape(string value, int limit)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > limit ? value[..limit] : value)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return value.Length > limit ? $"{text}… ({value.Length} characters)" : text.ToString();
    }
}
