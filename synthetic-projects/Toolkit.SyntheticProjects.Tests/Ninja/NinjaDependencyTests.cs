using System.Buffers.Binary;
using System.Text;
using Toolkit.SyntheticProjects.Ninja;
using Toolkit.SyntheticProjects.Tests.Generation;
using Toolkit.SyntheticProjects.Tests.MsBuild;
using Toolkit.SyntheticProjects.Tests.Peers;
using Xunit.Abstractions;

namespace Toolkit.SyntheticProjects.Tests.Ninja;

public sealed class NinjaDependencyTests(ITestOutputHelper output) : IDisposable
{
    private const string Manifest = "rule cc\n  command = cc -MD -MF $out.d -c $in -o $out\n  depfile = $out.d\n  deps = gcc\nbuild a.o: cc a.c\nbuild b.o: cc b.c\n";
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Header_dependencies_come_from_the_deps_log_written_as_ninja_writes_it()
    {
        var directory = Project(Manifest);
        WriteLog(directory, [("a.o", ["a.c", "a.h", "/usr/include/stdio.h"]), ("b.o", ["b.c", "a.h"]), ("b.o", ["b.c", "b.h"])]);

        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));
        var manifest = ParsedManifest.Read(result.ManifestPath);

        Assert.Equal([Relative(directory) + "/a.h", "usr/include/stdio.h"], manifest.BuildOf(Relative(directory) + "/a.o").Depends); // the source itself is listed once, as a source
        Assert.Equal([Relative(directory) + "/b.h"], manifest.BuildOf(Relative(directory) + "/b.o").Depends); // the later record replaces the earlier
        Assert.Equal(3 + 2, result.HeaderDependencies);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Validations_and_dyndep_files_that_the_import_leaves_out_are_each_named_in_a_warning()
    {
        var directory = Project("rule cc\n  command = cc -c $in -o $out\nrule check\n  command = lint $in\nbuild a.o: cc a.c |@ a.lint b.lint\nbuild a.lint: check a.c\nbuild b.lint: check a.c\nbuild m.o: cc m.f90\n  dyndep = m.dd\n");

        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));

        Assert.Contains(result.Warnings, warning => warning.StartsWith("1 statements name validations (|@, 2 paths)", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, warning => warning.StartsWith("1 statements have a dyndep file", StringComparison.Ordinal));
        Assert.DoesNotContain(NinjaImporter.Import(Path.Combine(Project(Manifest), "build.ninja"), Path.Combine(directory, "plain")).Warnings, w => w.Contains("validations", StringComparison.Ordinal) || w.Contains("dyndep", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-3, "truncated")]
    [InlineData(-9, "damaged or truncated record")]
    public void A_truncated_deps_log_keeps_the_records_before_the_damage_as_ninja_does(int cut, string problem)
    {
        var directory = Project(Manifest);
        var log = WriteLog(directory, [("a.o", ["a.c", "a.h"]), ("b.o", ["b.c", "b.h"])]);
        var bytes = File.ReadAllBytes(log);
        File.WriteAllBytes(log, bytes[..(bytes.Length + cut)]);

        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));

        Assert.Contains(result.Warnings, warning => warning.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(2, result.HeaderDependencies); // a.o's record survives
    }

    [Fact]
    public void A_deps_log_of_another_version_or_garbage_is_left_out_with_a_warning()
    {
        var directory = Project(Manifest);
        File.WriteAllText(Path.Combine(directory, ".ninja_deps"), "# ninjadeps\n\u0003\0\0\0");
        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));
        Assert.Contains(result.Warnings, warning => warning.Contains("version 3", StringComparison.Ordinal));

        File.WriteAllBytes(Path.Combine(directory, ".ninja_deps"), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
        result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));
        Assert.Contains(result.Warnings, warning => warning.Contains("bad signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_deps_the_depfile_on_disk_is_read()
    {
        var directory = Project("rule cc\n  command = cc -MD -MF $out.d -c $in -o $out\n  depfile = $out.d\nbuild a.o: cc a.c\n");
        File.WriteAllText(Path.Combine(directory, "a.o.d"), "a.o: a.c a.h \\\n  sub/with\\ space.h sub/x.h\nsub/x.h:\n");

        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));

        Assert.Equal(["a.h", "sub/with space.h", "sub/x.h"], ParsedManifest.Read(result.ManifestPath).Builds[0].Depends);
        Assert.Equal("depfiles", result.HeaderDependencySource);
    }

    [Fact]
    public void After_a_real_ninja_build_the_deps_match_ninja_t_deps()
    {
        if (ExternalTool.Find("ninja") is null)
        {
            output.WriteLine("ninja not found: skipped");
            return;
        }

        // A stand-in compiler: writes the object and a gcc-style depfile that ninja moves into .ninja_deps.
        var directory = Project("rule cc\n  command = printf '%s: %s h1.h h2.h\\n' $out $in > $out.d && touch $out\n  depfile = $out.d\n  deps = gcc\nbuild a.o: cc a.c\nbuild b.o: cc b.c\n");
        File.WriteAllText(Path.Combine(directory, "h1.h"), "");
        File.WriteAllText(Path.Combine(directory, "h2.h"), "");
        var (code, built) = ExternalTool.Run("ninja", directory);
        Assert.True(code == 0, built);
        var (_, deps) = ExternalTool.Run("ninja", directory, "-t", "deps");

        var result = NinjaImporter.Import(Path.Combine(directory, "build.ninja"), Path.Combine(directory, "out"));

        var ninjaCount = deps.Split('\n').Count(line => line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Length > 0);
        Assert.Equal(ninjaCount, result.HeaderDependencies);
        Assert.Equal(["h1.h", "h2.h"], ParsedManifest.Read(result.ManifestPath).BuildOf("a.o").Depends);
    }

    public void Dispose() => _temp.Dispose();

    private static string Relative(string directory) => Path.GetRelativePath("/", directory); // the root is / (a system header is a dependency)

    private string Project(string text)
    {
        var directory = _temp.Sub("p" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "build.ninja"), text);
        File.WriteAllText(Path.Combine(directory, "a.c"), "");
        File.WriteAllText(Path.Combine(directory, "b.c"), "");
        return directory;
    }

    /// <summary>Writes a version-4 .ninja_deps as src/deps_log.cc does: path records with ~id checksums, then deps records.</summary>
    private static string WriteLog(string directory, (string Output, string[] Deps)[] records)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        stream.Write(Encoding.ASCII.GetBytes("# ninjadeps\n"));
        Int(stream, 4);
        int Id(string path)
        {
            if (!ids.TryGetValue(path, out var id))
            {
                id = ids.Count;
                ids.Add(path, id);
                var bytes = Encoding.UTF8.GetBytes(path);
                var padding = (4 - (bytes.Length % 4)) % 4;
                Int(stream, bytes.Length + padding + 4);
                stream.Write(bytes);
                stream.Write(new byte[padding]);
                Int(stream, ~id);
            }

            return id;
        }

        foreach (var (outputPath, deps) in records)
        {
            var outputId = Id(outputPath);
            var depIds = deps.Select(Id).ToList();
            Int(stream, unchecked((int)(0x80000000u | (uint)(4 * (3 + depIds.Count)))));
            Int(stream, outputId);
            Int(stream, 1234);
            Int(stream, 0);
            depIds.ForEach(id => Int(stream, id));
        }

        var path = Path.Combine(directory, ".ninja_deps");
        File.WriteAllBytes(path, stream.ToArray());
        return path;
    }

    private static void Int(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
