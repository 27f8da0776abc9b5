using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Testing;

/// <summary>What every agency's coded decline reasons must be: some, each a lower-case code with words to show.</summary>
public static partial class DeclineReasonList
{
    public static IReadOnlyList<string> ProblemsWith(IReadOnlyDictionary<string, string> reasons) =>
        reasons.Count == 0
            ? ["there are no decline reasons"]
            : [
                .. reasons.Keys.Where(code => !Code().IsMatch(code)).Select(code => $"'{code}' is not a lower-case code"),
                .. reasons.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => $"'{r.Key}' has no words to show"),
            ];

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Code();
}
