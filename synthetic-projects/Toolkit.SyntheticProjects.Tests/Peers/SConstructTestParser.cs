using System.Text.RegularExpressions;

namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>
/// A small reader of the generated SConstruct for tests: the Clone's CPPPATH, and the Object,
/// Library, Program, Depends, Alias and Default calls (one call per line, as the generator writes them).
/// </summary>
public static partial class SConstructTestParser
{
    public static ParsedGraph Parse(string path)
    {
        var graph = new ParsedGraph();
        IReadOnlyList<string> current = [];
        IReadOnlyList<string> global = [];
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || line == "import os")
            {
                continue;
            }

            if (line.StartsWith("env = Environment(", StringComparison.Ordinal))
            {
                global = Strings(line[line.IndexOf("CPPPATH", StringComparison.Ordinal)..]);
                continue;
            }

            if (line.StartsWith("e = env.Clone(CPPPATH=", StringComparison.Ordinal))
            {
                current = Strings(line);
                continue;
            }

            var call = Call().Match(line);
            Assert.True(call.Success, $"{path}:{number}: unexpected line: {line}");
            var strings = Strings(call.Groups["args"].Value);
            switch (call.Groups["name"].Value)
            {
                case "Object":
                    graph.Add(strings[0], "Object", strings.Skip(1));
                    graph.IncludePathOf[strings[0]] = call.Groups["env"].Value == "e." ? current : global;
                    break;
                case "Library":
                case "Program":
                    graph.Add(strings[0], call.Groups["name"].Value, strings.Skip(1));
                    break;
                case "Depends":
                    graph.Edges.Add((strings[0], strings[1]));
                    break;
                case "Alias":
                    graph.Aliases[strings[0]] = ["app"];
                    break;
                case "Default":
                    graph.Defaults.Add(call.Groups["args"].Value);
                    break;
                default:
                    Assert.Fail($"{path}:{number}: unexpected call {call.Groups["name"].Value}");
                    break;
            }
        }

        return graph;
    }

    private static string[] Strings(string text) => Quoted().Matches(text).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex(@"^(app = )?(?<env>e\.|env\.)?(?<name>Object|Library|Program|Depends|Alias|Default)\((?<args>.*)\)$")]
    private static partial Regex Call();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();
}
