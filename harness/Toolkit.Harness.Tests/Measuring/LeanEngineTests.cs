using System.Text.RegularExpressions;
using Toolkit.Engine.Database;
using Toolkit.Engine.FileSystem;
using Toolkit.Harness.Measuring;
using Toolkit.Introspection.Tests;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Tests.Measuring;

/// <summary>
/// The lean engine executable toolkit-build gives the same builds as <c>toolkit build</c>: the same command
/// lines in the same order (-j 1), the same exit codes and output lines, the same built files and the same
/// signature database (byte for byte once the modification times, which are the file system's, are set
/// aside), for a full build, a null build, a dry run on a clean tree, a clean and the error lines. The JIT
/// toolkit-build is compared with the toolkit always; the NativeAOT one with the JIT one when published.
/// </summary>
public sealed partial class LeanEngineTests : IDisposable
{
    private const int Sources = 60;

    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-lean-tests-").FullName;

    /// <summary>Where the NativeAOT program is published in this repository.</summary>
    public static string PublishedProgram => LeanEngine.Published(ChildProcess.RepositoryRoot());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("baseline")]
    [InlineData("optimized")]
    public void The_JIT_toolkit_build_builds_as_toolkit_build_does(string variant)
    {
        var toolkit = ToolkitLauncher.ThisToolkit();
        var lean = JitProgram();
        Assert.True(File.Exists(lean), $"the JIT toolkit-build is built with the tests (a project reference): {lean}");
        AssertSameBuilds((toolkit.FileName, [.. toolkit.LeadingArguments]), (lean, []), variant);
    }

    [LeanEngineFact]
    public void The_NativeAOT_toolkit_build_builds_as_the_JIT_one_does()
    {
        var published = PublishedOrPublish();
        Assert.DoesNotContain(".dll", string.Join(' ', Directory.GetFiles(Path.GetDirectoryName(published)!)), StringComparison.Ordinal);
        AssertSameBuilds((JitProgram(), []), (published, []), "optimized");
    }

    /// <summary>
    /// The NativeAOT program runs with the gen-0 budget its project embeds (Toolkit.Build.csproj, GCGen0MaxBudget, hex):
    /// the collector says so (TOOLKIT_GC_STATS), and it collects gen 0 at least once per 2 MiB allocated, where the
    /// default budget (from the cache size, tens of MiB) lets a dry run of this project finish after one collection or none.
    /// </summary>
    [LeanEngineFact]
    public void The_NativeAOT_toolkit_build_collects_on_its_embedded_gen0_budget()
    {
        var published = PublishedOrPublish();
        var project = Generate("gc");
        var environment = new Dictionary<string, string> { ["TOOLKIT_GC_STATS"] = "1", ["DOTNET_GCGen0MaxBudget"] = "" };
        var (code, output) = ChildProcess.RunWith(published, project, environment, "build", project, "-s", "-n", "--variant", "optimized");
        Assert.True(code == 0, output);
        Assert.Contains($"GCGen0MaxBudget={EmbeddedGen0MaxBudget}", output, StringComparison.Ordinal);
        var figures = GcFigures().Match(output);
        Assert.True(figures.Success, output);
        var gen0 = long.Parse(figures.Groups["gen0"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var allocatedKiB = long.Parse(figures.Groups["allocated"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(gen0 >= allocatedKiB / 2048, $"{gen0} gen-0 collections for {allocatedKiB} KiB allocated: {output}");
    }

    /// <summary>
    /// The NativeAOT program maps no OpenSSL (libcrypto, libssl: 3.6 MiB resident) in a dry run on a clean tree, a full
    /// build or a null build: its MD5 signatures and SHA-256 frame checksums are managed (ManagedMd5, ManagedSha256),
    /// where System.Security.Cryptography's would load OpenSSL on first use. It says what it mapped (TOOLKIT_MAPPED_FILES).
    /// </summary>
    [LeanEngineFact]
    public void The_NativeAOT_toolkit_build_maps_no_OpenSSL_in_a_dry_run_a_build_or_a_null_build()
    {
        var published = PublishedOrPublish();
        var project = Generate("maps");
        var environment = new Dictionary<string, string> { ["TOOLKIT_MAPPED_FILES"] = "1" };
        foreach (var step in new[] { "-n", "-s", "-s" })
        {
            var (code, output) = ChildProcess.RunWith(published, project, environment, "build", project, step, "--variant", "optimized");
            Assert.True(code == 0, output);
            var mapped = output.Split('\n').Single(line => line.StartsWith("mapped: ", StringComparison.Ordinal));
            Assert.Contains("libc.so", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("libcrypto", mapped, StringComparison.Ordinal);
            Assert.DoesNotContain("libssl", mapped, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Join(project, ".toolkit.sigdb")), "the full build wrote the signature database that the null build read");
    }

    /// <summary>1 MiB, the value Toolkit.Build.csproj embeds (as hex, 100000).</summary>
    private const int EmbeddedGen0MaxBudget = 1024 * 1024;

    [GeneratedRegex(@"gc: collections (?<gen0>\d+)/\d+/\d+ allocated (?<allocated>\d+)K")]
    private static partial Regex GcFigures();

    [Fact]
    public void An_engine_keyword_names_the_lean_program_or_says_how_to_build_it()
    {
        var lean = EngineCommand.Parse("lean", "--engine");
        Assert.Equal(JitProgram(), lean.FileName);
        Assert.Equal(["build"], lean.LeadingArguments);
        Assert.Contains("JIT, apphost of toolkit-build.dll", lean.DescribeBinary(), StringComparison.Ordinal);
        if (!File.Exists(PublishedProgram))
        {
            var error = Assert.Throws<MeasurementException>(() => EngineCommand.Parse("aot", "--engine"));
            Assert.Contains(LeanEngine.PublishCommand, error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("native, no .NET assembly beside it (NativeAOT)", EngineCommand.Parse("aot", "--engine").DescribeBinary(), StringComparison.Ordinal);
        }
    }

    /// <summary>The NativeAOT program, published first when it is not (<see cref="LeanEngine.PublishCommand"/>, minutes).</summary>
    private static string PublishedOrPublish()
    {
        var published = PublishedProgram;
        if (!File.Exists(published))
        {
            var (code, output) = ChildProcess.Run("dotnet", ChildProcess.RepositoryRoot(), [.. LeanEngine.PublishCommand.Split(' ').Skip(1)]);
            Assert.True(code == 0, output);
        }

        return published;
    }

    private static string JitProgram() => LeanEngine.Jit(ChildProcess.RepositoryRoot(), LeanEngine.ThisConfiguration());

    /// <summary>Runs the same steps with both programs, each on its own copy of one generated project, and compares everything they leave.</summary>
    private void AssertSameBuilds((string Program, string[] Leading) a, (string Program, string[] Leading) b, string variant)
    {
        var projectA = Generate("a");
        var projectB = Generate("b");
        string[][] steps =
        [
            ["build", "{0}", "-n", "-j", "1", "--variant", variant],
            ["build", "{0}", "-j", "1", "--variant", variant],
            ["build", "{0}", "-j", "1", "--variant", variant],
            ["build", "{0}", "lib_0/no-such-target", "--variant", variant],
            ["build", "{0}", "-j", "0"],
            ["build", "{0}", "--variant", "no-such-variant"],
            ["build", Path.Join("{0}", "missing")],
        ];
        foreach (var step in steps)
        {
            var ranA = Run(a, projectA, step);
            var ranB = Run(b, projectB, step);
            Assert.Equal(ranA, ranB);
        }

        Assert.Equal(Database(projectA), Database(projectB));
        Assert.Equal(BuiltFiles(projectA), BuiltFiles(projectB));
        Assert.Equal(Run(a, projectA, ["clean", "{0}"]), Run(b, projectB, ["clean", "{0}"]));
        Assert.False(File.Exists(Path.Join(projectB, ".toolkit.sigdb")));
    }

    private string Generate(string name)
    {
        var project = Path.Join(_directory, name);
        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, Sources, 1, project));
        return project;
    }

    /// <summary>The exit code and the output with the project's path, the program's name and the seconds taken set aside.</summary>
    private static (int ExitCode, string Output) Run((string Program, string[] Leading) engine, string project, string[] step)
    {
        var arguments = step.Select(s => s.Replace("{0}", project, StringComparison.Ordinal)).ToArray();
        var (code, output) = ChildProcess.Run(engine.Program, project, [.. engine.Leading, .. arguments]);
        output = output.Replace(project, "PROJECT", StringComparison.Ordinal).Replace("'toolkit-build build --help'", "'toolkit build --help'", StringComparison.Ordinal);
        return (code, Seconds().Replace(output, "N.NN s)"));
    }

    /// <summary>The database's entries as bytes without the modification ticks: path, flags, size and both signatures.</summary>
    private static List<string> Database(string project)
    {
        var loaded = SignatureDatabase.Load(new DiskFileSystem(project), ".toolkit.sigdb");
        Assert.True(loaded.Database.Count > Sources, $"{loaded.Database.Count} entries");
        return [.. loaded.Database.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value.ContentSignature} {e.Value.BuildSignature} {e.Value.Stamp.Size}")];
    }

    /// <summary>Every file of the tree but the engine's own (.toolkit.*), with its bytes: the sources, which are the same, and what the build wrote.</summary>
    private static SortedDictionary<string, string> BuiltFiles(string project) =>
        new(Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).StartsWith(".toolkit", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(project, path), path => Convert.ToHexString(File.ReadAllBytes(path))), StringComparer.Ordinal);

    [GeneratedRegex(@"\d+\.\d\d s\)")]
    private static partial Regex Seconds();
}
