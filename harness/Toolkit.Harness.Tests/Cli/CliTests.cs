namespace Toolkit.Harness.Tests.Cli;

/// <summary>The verbs of issue 2 end to end, through the real program: exit codes and what they print.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("generate")]
    [InlineData("build")]
    [InlineData("clean")]
    [InlineData("scan")]
    [InlineData("import-msbuild")]
    [InlineData("footprint")]
    [InlineData("compare")]
    [InlineData("scale")]
    [InlineData("report")]
    [InlineData("heap")]
    public void Every_verb_has_help(string verb)
    {
        var (code, output, _) = ToolkitProcess.Run(_temp, verb, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(verb, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_build_null_build_tree_and_clean()
    {
        var project = Path.Join(_temp, "p");
        var (generated, generateOutput, _) = ToolkitProcess.Run(_temp, "generate", "--sources", "20", "--seed", "3", "--out", project);
        Assert.Equal(0, generated);
        Assert.Contains("nodes ", generateOutput, StringComparison.Ordinal);

        var (built, buildOutput, buildError) = ToolkitProcess.Run(_temp, "build", project, "-j", "2");
        Assert.True(built == 0, buildError);
        Assert.Contains("cc ", buildOutput, StringComparison.Ordinal);
        Assert.Contains(" 0 failed", buildOutput, StringComparison.Ordinal);

        var (again, againOutput, _) = ToolkitProcess.Run(_temp, "build", project, "-s", "--tree=all");
        Assert.Equal(0, again);
        Assert.Contains("ran 0 actions", againOutput, StringComparison.Ordinal);
        Assert.Contains("+-bin/app", againOutput, StringComparison.Ordinal);

        var (cleaned, cleanOutput, _) = ToolkitProcess.Run(_temp, "clean", project);
        Assert.Equal(0, cleaned);
        Assert.Contains("removed", cleanOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(project, "bin", "app")));
    }

    [Fact]
    public void A_manifest_error_names_file_and_line_and_exits_1()
    {
        var project = Manifest("toolkit-manifest 2\nbuild a.o: Compile a.c\nend\n");
        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project);
        Assert.Equal(1, code);
        Assert.Contains("toolkit.manifest:2: unknown builder 'Compile'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_named_and_exits_1()
    {
        var project = Manifest("toolkit-manifest 2\nbuild a: Copy b\nbuild b: Copy a\nend\n");
        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project);
        Assert.Equal(1, code);
        Assert.Contains("dependency cycle: a -> b -> a", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_source_is_named_with_its_target_and_exits_2()
    {
        var project = Manifest("toolkit-manifest 2\nbuild out.txt: Copy in.txt\nend\n");
        var (code, _, error) = ToolkitProcess.Run(_temp, "build", project);
        Assert.Equal(2, code);
        Assert.Contains("source 'in.txt' is missing, needed by 'out.txt'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variant_and_a_missing_project_are_errors()
    {
        var project = Manifest("toolkit-manifest 2\nend\n");
        var (variantCode, _, variantError) = ToolkitProcess.Run(_temp, "build", project, "--variant", "nonsense");
        Assert.Equal(1, variantCode);
        Assert.Contains("unknown variant 'nonsense'", variantError, StringComparison.Ordinal);

        var (missingCode, _, missingError) = ToolkitProcess.Run(_temp, "build", Path.Join(_temp, "nowhere"));
        Assert.Equal(1, missingCode);
        Assert.Contains("nowhere: no such directory", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_prints_gcc_MM_lines()
    {
        Directory.CreateDirectory(Path.Join(_temp, "inc"));
        File.WriteAllText(Path.Join(_temp, "a.c"), "#include \"a.h\"\n#include <b.h>\n");
        File.WriteAllText(Path.Join(_temp, "a.h"), "/* a */\n");
        File.WriteAllText(Path.Join(_temp, "inc", "b.h"), "/* b */\n");
        var (code, output, _) = ToolkitProcess.Run(_temp, "scan", "-I", "inc", "a.c");
        Assert.Equal(0, code);
        Assert.Equal("a.o: a.c a.h inc/b.h", output.Trim());
    }

    private string Manifest(string text)
    {
        var directory = Path.Join(_temp, "m-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Join(directory, "toolkit.manifest"), text);
        return directory;
    }
}
