using Toolkit.SyntheticProjects.Generation;
using Toolkit.SyntheticProjects.Tests.Generation;
using Xunit.Abstractions;

namespace Toolkit.SyntheticProjects.Tests.Peers;

/// <summary>
/// The real tools accept what the generator writes: make -n, ninja -n, a Python parse of the
/// SConstruct, and cc compiling and linking a small c-libraries project. Each check is skipped
/// with a message when its tool is not on PATH.
/// </summary>
public sealed class ExternalToolTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(ProjectShape.CLibraries, "make", "-n")]
    [InlineData(ProjectShape.DeepChain, "make", "-n")]
    [InlineData(ProjectShape.WideFanin, "make", "-n")]
    [InlineData(ProjectShape.CLibraries, "ninja", "-n")]
    [InlineData(ProjectShape.DeepChain, "ninja", "-n")]
    [InlineData(ProjectShape.WideFanin, "ninja", "-n")]
    public void Dry_runs_accept_the_peer_files(ProjectShape shape, string tool, string flag)
    {
        var path = ExternalTool.Find(tool);
        if (path is null)
        {
            output.WriteLine($"skipped: {tool} is not on PATH");
            return;
        }

        var result = ProjectGenerator.Generate(new GeneratorOptions(shape, 150, 4, _temp.Path, LargeFiles: shape == ProjectShape.WideFanin ? 1 : 0));
        var (exit, text) = ExternalTool.Run(path, _temp.Path, flag);
        Assert.True(exit == 0, text);
        var compiles = text.Split('\n').Count(l => l.Contains(" -c -o ", StringComparison.Ordinal) || l.Contains("CC ", StringComparison.Ordinal));
        Assert.True(compiles >= result.Sources, $"{tool} {flag} planned {compiles} compiles for {result.Sources} sources:\n{text[..Math.Min(text.Length, 2000)]}");
    }

    [Fact]
    public void SConstruct_is_valid_python()
    {
        var python = ExternalTool.Find("python3");
        if (python is null)
        {
            output.WriteLine("skipped: python3 is not on PATH");
            return;
        }

        ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.DeepChain, 100, 4, _temp.Path));
        var (exit, text) = ExternalTool.Run(python, _temp.Path, "-c", "import ast; ast.parse(open('SConstruct').read(), 'SConstruct')");
        Assert.True(exit == 0, text);
    }

    [Fact]
    public void Cc_compiles_and_links_a_small_c_libraries_project()
    {
        var cc = ExternalTool.Find("cc");
        var ar = ExternalTool.Find("ar");
        if (cc is null || ar is null)
        {
            output.WriteLine("skipped: cc or ar is not on PATH");
            return;
        }

        var options = new GeneratorOptions(ProjectShape.CLibraries, 24, 8, _temp.Path, RealTools: true);
        ProjectGenerator.Generate(options);
        var plan = ProjectPlan.Create(options);
        string[] strict = ["-Wall", "-Wextra", "-Werror"];
        for (var d = 0; d < plan.DirectoryCount; d++)
        {
            var directory = plan.PlanDirectory(d);
            var here = _temp.Sub(directory.Name);
            var sources = directory.Sources.Select(s => Path.GetFileName(s.Path));
            Check(ExternalTool.Run(cc, here, [.. strict, "-I.", "-I../include", "-c", .. sources]));
            Check(ExternalTool.Run(ar, here, ["rcs", Path.GetFileName(directory.LibraryPath!), .. directory.Sources.Select(s => Path.GetFileName(s.ObjectPath))]));
        }

        var program = plan.PlanProgram();
        Check(ExternalTool.Run(cc, _temp.Path, [.. strict, "-Iinclude", "-c", "-o", program.MainObjectPath, program.MainPath]));
        Check(ExternalTool.Run(cc, _temp.Path, ["-o", program.ProgramPath, .. program.LinkInputs]));
        Check(ExternalTool.Run(_temp.Sub(program.ProgramPath), _temp.Path));
    }

    /// <summary>
    /// ninja and samurai build a small project with the real compiler, the link reading its inputs from
    /// the response file (a million-source link line is over Linux's 128 KiB per argument: ninja failed
    /// there with "posix_spawn: Argument list too long" before the link rule had an rspfile).
    /// </summary>
    [Theory]
    [InlineData("ninja")]
    [InlineData("samu")]
    public void Ninja_and_samurai_build_with_the_real_compiler_linking_from_a_response_file(string tool)
    {
        var path = ExternalTool.Find(tool);
        if (path is null || ExternalTool.Find("cc") is null || ExternalTool.Find("ar") is null)
        {
            output.WriteLine($"skipped: {tool}, cc or ar is not on PATH");
            return;
        }

        var options = new GeneratorOptions(ProjectShape.CLibraries, 24, 8, _temp.Path, RealTools: true);
        ProjectGenerator.Generate(options);
        var program = ProjectPlan.Create(options).PlanProgram();
        Assert.Contains("rule link\n  command = $cc -o $out @$out.rsp\n  rspfile = $out.rsp\n  rspfile_content = $in\n", File.ReadAllText(_temp.Sub("build.ninja")), StringComparison.Ordinal);

        Check(ExternalTool.Run(path, _temp.Path));

        Check(ExternalTool.Run(_temp.Sub(program.ProgramPath), _temp.Path));
        Assert.False(File.Exists(_temp.Sub(program.ProgramPath + ".rsp")), "the response file is removed after a successful link");
        var (exit, text) = ExternalTool.Run(path, _temp.Path, "-n");
        Assert.True(exit == 0 && (text.Contains("no work to do", StringComparison.Ordinal) || text.Contains("nothing to do", StringComparison.Ordinal)), text);
    }

    public void Dispose() => _temp.Dispose();

    private static void Check((int ExitCode, string Output) run) => Assert.True(run.ExitCode == 0, run.Output);
}
