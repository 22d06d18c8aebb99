using System.Text.RegularExpressions;

namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>
/// A test-side C include scanner working on the files on disk: quoted includes are looked up in
/// the including file's directory, then CPPPATH; angle includes in CPPPATH only. Gives the
/// transitive closure, which must equal the header dependencies the generator planned.
/// </summary>
public sealed partial class IncludeScanner(string root)
{
    public HashSet<string> Closure(string source, IReadOnlyList<string> includePath)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(source);
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            foreach (Match include in Include().Matches(File.ReadAllText(Path.Combine(root, file))))
            {
                var name = include.Groups["name"].Value;
                var quoted = include.Groups["open"].Value == "\"";
                var directories = quoted ? new[] { Path.GetDirectoryName(file)!.Replace('\\', '/') }.Concat(includePath) : includePath;
                var resolved = directories.Select(d => d.Length == 0 ? name : $"{d}/{name}").FirstOrDefault(p => File.Exists(Path.Combine(root, p)));
                Assert.True(resolved is not null, $"{file}: #include {name} is not found along {string.Join(' ', includePath)}");
                if (found.Add(resolved!))
                {
                    pending.Push(resolved!);
                }
            }
        }

        return found;
    }

    [GeneratedRegex("^#include (?<open>[\"<])(?<name>[^\">]+)[\">]", RegexOptions.Multiline)]
    private static partial Regex Include();
}
