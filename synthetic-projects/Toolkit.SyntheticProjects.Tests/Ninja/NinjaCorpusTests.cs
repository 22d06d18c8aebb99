using Toolkit.SyntheticProjects.Tests.Generation;
using Toolkit.SyntheticProjects.Ninja;
using Toolkit.SyntheticProjects.Tests.MsBuild;
using Toolkit.SyntheticProjects.Tests.Peers;
using Xunit.Abstractions;

namespace Toolkit.SyntheticProjects.Tests.Ninja;

public sealed class NinjaCorpusTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [MemberData(nameof(NinjaCorpus.Cases), MemberType = typeof(NinjaCorpus))]
    public void Each_construct_imports_with_its_commands_and_agrees_with_ninja_query(string name, string[] files, string[] commands)
    {
        var directory = Write(name, files);
        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));
        var manifest = ParsedManifest.Read(result.ManifestPath);
        output.WriteLine(File.ReadAllText(result.ManifestPath));

        foreach (var expected in commands)
        {
            var (target, command) = (expected[..expected.IndexOf('=')], expected[(expected.IndexOf('=') + 1)..]);
            Assert.Equal(command.Replace("$", "$$", StringComparison.Ordinal), manifest.BuildOf(target).Overrides["COMMAND"]);
        }

        Assert.Equal(result.Outputs, manifest.Builds.Sum(b => b.Targets.Count) + manifest.Aliases.Count + PhonyWithoutInputs(directory));
        if (ExternalTool.Find("ninja") is null)
        {
            output.WriteLine("ninja not found: the comparison with ninja -t query is skipped");
            return;
        }

        var targets = manifest.Builds.SelectMany(b => b.Targets).Concat(manifest.Aliases.Keys).ToArray();
        var (code, query) = ExternalTool.Run("ninja", directory, ["-t", "query", .. targets]);
        Assert.True(code == 0, query);
        var fromNinja = NinjaQuery.Parse(query);
        foreach (var build in manifest.Builds)
        {
            var expected = fromNinja[build.Targets[0]];
            Assert.Equal(expected.Explicit, build.Sources);
            Assert.Equal(expected.Implicit, build.Depends);
            Assert.Equal(expected.OrderOnly, build.OrderOnly);
        }

        foreach (var (alias, members) in manifest.Aliases)
        {
            var expected = fromNinja[alias];
            Assert.Equal("phony", expected.Rule);
            Assert.Equal([.. expected.Explicit, .. expected.Implicit, .. expected.OrderOnly], members);
        }

        var (_, all) = ExternalTool.Run("ninja", directory, "-t", "targets", "all");
        Assert.Equal(all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, result.Outputs);
    }

    [Fact]
    public void Defaults_and_phony_become_the_manifests_aliases_and_default()
    {
        var directory = Write("defaults", NinjaCorpus.Cases().Single(c => (string)c[0] == "phony-default-and-pools")[1] as string[] ?? []);
        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));
        var manifest = ParsedManifest.Read(result.ManifestPath);

        Assert.Equal(["app", "objects"], manifest.Aliases["all"]);
        Assert.Equal(["a.o", "b.o"], manifest.Aliases["objects"]);
        Assert.Equal(["all"], manifest.Defaults);
        Assert.Equal(3, result.PhonyStatements);
        Assert.Equal(3, result.BuildStatements);
        Assert.Equal(2, result.Rules);
    }

    public void Dispose() => _temp.Dispose();

    private static int PhonyWithoutInputs(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "build.ninja")).Count(line => line.StartsWith("build ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(": phony", StringComparison.Ordinal));

    private string Write(string name, string[] files)
    {
        var directory = _temp.Sub(name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "build.ninja"), files[0]);
        foreach (var extra in files.Skip(1))
        {
            var (path, text) = (extra[..extra.IndexOf('\0')], extra[(extra.IndexOf('\0') + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        return directory;
    }
}
