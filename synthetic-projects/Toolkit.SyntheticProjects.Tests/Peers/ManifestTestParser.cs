namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>A small reader of toolkit.manifest for tests: environments, use, build, alias, default.</summary>
public static class ManifestTestParser
{
    public static ParsedGraph Parse(string path)
    {
        var graph = new ParsedGraph();
        var cppPath = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> global = [];
        var current = "default";
        string? defining = null;
        var number = 0;
        var ended = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (number == 1)
            {
                Assert.Equal("toolkit-manifest 2", line);
                continue;
            }

            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (char.IsWhiteSpace(line[0]))
            {
                Assert.True(defining is not null, $"line {number}: block line outside an env");
                if (words[0] == "CPPPATH")
                {
                    cppPath[defining!] = words[2..];
                }

                continue;
            }

            defining = null;
            switch (words[0])
            {
                case "env":
                    defining = words[1];
                    break;
                case "use":
                    Assert.True(words[1] == "default" || cppPath.ContainsKey(words[1]), $"line {number}: use of undefined {words[1]}");
                    current = words[1];
                    break;
                case "build":
                    var colon = Array.FindIndex(words, w => w.EndsWith(':'));
                    Assert.Equal(1, colon);
                    var target = words[1].TrimEnd(':');
                    var dependencies = words[(colon + 2)..].Where(w => w != "|").ToArray();
                    graph.Add(target, words[colon + 1], dependencies);
                    if (words[colon + 1] == "Object")
                    {
                        graph.IncludePathOf[target] = current == "default" ? global : cppPath[current];
                    }

                    break;
                case "alias":
                    graph.Aliases[words[1].TrimEnd(':')] = [.. words[2..]];
                    break;
                case "default":
                    graph.Defaults.AddRange(words[1..]);
                    break;
                case "CPPPATH":
                    global = words[2..];
                    break;
                case "TOOLKIT_TOOLS":
                    graph.Aliases["$TOOLKIT_TOOLS"] = [words[2]];
                    break;
                case "end":
                    ended = number;
                    break;
                default:
                    Assert.Fail($"{path}:{number}: unexpected statement '{words[0]}'");
                    break;
            }
        }

        Assert.True(ended == number, $"{path}: the last line ({number}) is not the closing 'end' (found on line {ended})");
        return graph;
    }
}
