namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>A small reader of the generated build.ninja for tests: <c>build out: rule ins | implicit</c>, phony and default.</summary>
public static class NinjaTestParser
{
    public static ParsedGraph Parse(string path)
    {
        var graph = new ParsedGraph();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("default ", StringComparison.Ordinal))
            {
                graph.Defaults.AddRange(line.Split(' ')[1..]);
                continue;
            }

            if (!line.StartsWith("build ", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var target = line[6..colon];
            var words = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain("||", words);
            var inputs = words[1..].Where(w => w != "|").ToArray();
            if (words[0] == "phony")
            {
                graph.Aliases[target] = [.. inputs];
            }
            else
            {
                graph.Add(target, words[0], inputs);
            }
        }

        return graph;
    }
}
