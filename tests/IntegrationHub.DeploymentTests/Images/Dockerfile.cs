using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntegrationHub.DeploymentTests.Images;

/// <summary>
/// A Dockerfile read as Docker reads it, enough to check what it promises without a Docker engine: its instructions
/// (continuation lines joined, comments apart) grouped into build stages.
/// </summary>
public sealed partial class Dockerfile
{
    Dockerfile(IReadOnlyList<Stage> stages, IReadOnlyList<string> comments)
    {
        Stages = stages;
        Comments = comments;
    }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The comment lines, without their <c>#</c>.</summary>
    public IReadOnlyList<string> Comments { get; }

    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        var comments = new List<string>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                comments.Add(line.TrimStart('#').Trim());
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }

            var instruction = Instruction.Parse(whole);
            if (instruction.Keyword == "FROM")
            {
                stages.Add(Stage.From(instruction.Arguments));
            }
            else if (stages.Count == 0)
            {
                throw new FormatException($"'{whole}' comes before the first FROM.");
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(stages, comments);
    }

    public sealed record Instruction(string Keyword, string Arguments)
    {
        public static Instruction Parse(string line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0
                ? new Instruction(line.ToUpperInvariant(), "")
                : new Instruction(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
        }

        /// <summary>The exec form's words (<c>["dotnet", "x.dll"]</c>), or the shell form split at spaces.</summary>
        public IReadOnlyList<string> Words => Arguments.StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(Arguments)!
            : Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public sealed partial record Stage(string Image, string? Name)
    {
        public List<Instruction> Instructions { get; } = [];

        public static Stage From(string arguments)
        {
            var match = FromArguments().Match(arguments);
            return match.Success
                ? new Stage(match.Groups["image"].Value, match.Groups["name"].Success ? match.Groups["name"].Value : null)
                : throw new FormatException($"FROM {arguments} names no image.");
        }

        public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

        /// <summary>The variables its <c>ENV</c> (or <c>ARG</c>) instructions set, in the <c>key=value</c> form.</summary>
        public IReadOnlyDictionary<string, string> Variables(string keyword = "ENV") =>
            All(keyword).SelectMany(i => VariableAssignment().Matches(i.Arguments))
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim('"'));

        [GeneratedRegex(@"^(--platform=\S+\s+)?(?<image>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
        private static partial Regex FromArguments();

        [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<value>""[^""]*""|\S*))?")]
        private static partial Regex VariableAssignment();
    }
}
