using System.CommandLine;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Tests.Results;

namespace Toolkit.Harness.Tests.Cli;

/// <summary>
/// The one error path: a user's mistake is exactly one line <c>toolkit: error: ...</c> and exit code 1,
/// a bug is a line saying so, the exception and its stack trace, exit code 70. Driven through the real
/// command line: <see cref="Program.CreateRootCommand()"/> with <see cref="CommandRunner.Invoke"/>, and the
/// real program as a child process.
/// </summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-cli-errors-").FullName;

    public CliErrorTests()
    {
        Directory.CreateDirectory(Path.Join(_temp, "empty"));
        Directory.CreateDirectory(Path.Join(_temp, "full"));
        File.WriteAllText(Path.Join(_temp, "full", "x.txt"), "not a generated project");
        File.WriteAllText(Path.Join(_temp, "a.file"), "");
        File.WriteAllText(Path.Join(_temp, "truncated.json"), "{\"schemaVersion\": 1, \"runs\": [");
        Directory.CreateDirectory(Path.Join(_temp, "project"));
        File.WriteAllText(Path.Join(_temp, "project", "toolkit.manifest"), "toolkit-manifest 2\nbuild out.txt: Copy in.txt\nend\n");
        Directory.CreateDirectory(Path.Join(_temp, "broken"));
        File.WriteAllText(Path.Join(_temp, "broken", "toolkit.manifest"), "toolkit-manifest 2\nbuild out.o: Object bad.c\nend\n");
        File.WriteAllText(Path.Join(_temp, "broken", "bad.c"), "#error broken\n");
        if (OperatingSystem.IsLinux())
        {
            Directory.CreateDirectory(Path.Join(_temp, "fifo-project"));
            UnixFiles.MakeFifo(Path.Join(_temp, "fifo-project", "toolkit.manifest"));
            UnixFiles.MakeFifo(Path.Join(_temp, "fifo.json"));
        }
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("frob", "unknown verb or option 'frob'")]
    [InlineData("build {temp}/project --bogus", "'--bogus' is neither an option of build nor a target of {temp}/project/toolkit.manifest")]
    [InlineData("clean {temp}/project --bogus", "clean: Unrecognized command or argument '--bogus'")]
    [InlineData("build {temp}/nowhere", "{temp}/nowhere: no such directory")]
    [InlineData("build {temp}/a.file", "{temp}/a.file: is a file, not a project directory")]
    [InlineData("clean {temp}/empty", "no toolkit.manifest in '{temp}/empty'")]
    [InlineData("footprint {temp}/nowhere", "{temp}/nowhere: no such directory")]
    [InlineData("footprint {temp}/broken", "failed (1 failed; first: {temp}/broken/toolkit.manifest:2: 'out.o': bad.c:1: error: broken)")]
    [InlineData("build {temp}/project -j abc", "build: --jobs: 'abc' is not a whole number")]
    [InlineData("build {temp}/project -j 0", "build: --jobs: 0 must be 1 or more")]
    [InlineData("build {temp}/project --variant nonsense", "build: --variant: unknown variant 'nonsense'; valid variants: baseline,")]
    [InlineData("build {temp}/project no-such-target", "no target or alias named 'no-such-target'")]
    [InlineData("build {temp}/project --stats {temp}/no/such/dir/s.html", "--stats {temp}/no/such/dir/s.html: the folder {temp}/no/such/dir does not exist")]
    [InlineData("generate", "generate: Option '--out' is required")]
    [InlineData("generate --out {temp}/g --sources 5", "generate: --sources: 5 must be 10 or more")]
    [InlineData("generate --out {temp}/g --sources many", "generate: --sources: 'many' is not a count")]
    [InlineData("generate --out {temp}/g --shape round", "generate: --shape: unknown shape 'round'")]
    [InlineData("generate --out {temp}/full --sources 10", "--out: {temp}/full is not empty and holds no generated.json")]
    [InlineData("generate --out {temp}/a.file --sources 10", "--out: {temp}/a.file is a file, not a directory")]
    [InlineData("scale --sources 1k,0", "scale: --sources: 0 must be 10 or more")]
    [InlineData("scale --variants baseline,nonsense", "scale: --variants: unknown variant 'nonsense'")]
    [InlineData("scale --repeat 0", "scale: --repeat: 0 must be 1 or more")]
    [InlineData("scale --out {temp}/a.file", "--out {temp}/a.file: is a file, not a folder")]
    [InlineData("report --out {temp}/r", "report: Option '--from' is required")]
    [InlineData("report --from {temp}/missing.json --out {temp}/r", "{temp}/missing.json: does not exist")]
    [InlineData("report --from /dev/zero --out {temp}/r", "/dev/zero: is a character device, not a file")]
    [InlineData("compare {temp}/truncated.json {temp}/truncated.json", "{temp}/truncated.json: not valid JSON (line 1")]
    [InlineData("compare {temp}/truncated.json", "give two results files (A.json B.json), --variants X,Y or --refs A,B; got 1 files")]
    [InlineData("compare --variants baseline", "--variants: give exactly two variants, as X,Y; got 1")]
    [InlineData("compare --variants baseline,slots --threshold -1", "compare: --threshold: -1 must be 0 or more")]
    [InlineData("import-msbuild {temp}/nowhere --out {temp}/i", "import-msbuild: input '{temp}/nowhere' does not exist")]
    [InlineData("import-msbuild {temp}/a.file --out {temp}/i", "is not a solution (.sln, .slnx), a project file")]
    [InlineData("heap summarize {temp}/missing.heap", "heap file not found: {temp}/missing.heap")]
    [InlineData("heap types {temp}/missing.heap T --bogus", "heap types: Unrecognized command or argument '--bogus'")]
    public void A_user_error_is_one_line_and_exit_code_1(string commandLine, string expected)
    {
        var (code, output, error) = Invoke(commandLine.Replace("{temp}", _temp, StringComparison.Ordinal));
        Assert.True(code == ExitCodes.UserError, $"exit {code}\n{error}");
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(CommandRunner.ErrorPrefix, line, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("{temp}", _temp, StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("build {temp}/fifo-project", "{temp}/fifo-project/toolkit.manifest: is a FIFO (a named pipe), not a file")]
    [InlineData("report --from {temp}/fifo.json --out {temp}/r", "{temp}/fifo.json: is a FIFO (a named pipe), not a file")]
    [InlineData("heap summarize {temp}/fifo.json", "{temp}/fifo.json: is a FIFO (a named pipe), not a file")]
    public void A_fifo_named_on_the_command_line_is_refused_and_nothing_blocks(string commandLine, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        A_user_error_is_one_line_and_exit_code_1(commandLine, expected);
    }

    [Fact]
    public void A_verb_group_without_its_verb_prints_its_help()
    {
        var (code, output, error) = Invoke("heap");
        Assert.Equal(ExitCodes.UserError, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("toolkit heap <verb> [options]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bug_says_it_is_one_and_shows_the_stack_trace_with_exit_code_70(bool asynchronous)
    {
        var root = Program.CreateRootCommand();
        var crash = new Command("crash", "fails as a bug would") { Hidden = true };
        if (asynchronous)
        {
            crash.SetAction((_, _) => Task.FromResult(Bug()));
        }
        else
        {
            crash.SetAction(_ => Bug());
        }

        root.Subcommands.Add(crash);
        var error = new StringWriter();
        var code = CommandRunner.Invoke(root, ["crash"], TextWriter.Null, error);
        Assert.Equal(ExitCodes.InternalError, code);
        var lines = Lines(error.ToString());
        Assert.StartsWith("toolkit: internal error: this is a bug in toolkit, not a mistake in your input. Please report it on ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("toolkit ", lines[1], StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: the forced bug", lines[2]);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains(nameof(Bug), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith(CommandRunner.ErrorPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_error_thrown_by_a_verb_is_one_line_even_when_its_message_is_not()
    {
        var root = Program.CreateRootCommand();
        var verb = new Command("refuse", "fails as bad input would") { Hidden = true };
        verb.SetAction(new Func<ParseResult, int>(_ => throw new UsageException("first line\nsecond line")));
        root.Subcommands.Add(verb);
        var error = new StringWriter();
        Assert.Equal(ExitCodes.UserError, CommandRunner.Invoke(root, ["refuse"], TextWriter.Null, error));
        Assert.Equal("toolkit: error: first line second line", Assert.Single(Lines(error.ToString())));
    }

    [Fact]
    public void Cancellation_is_interrupted_with_exit_code_130()
    {
        var root = Program.CreateRootCommand();
        var verb = new Command("stop", "is cancelled") { Hidden = true };
        verb.SetAction(new Func<ParseResult, int>(_ => throw new OperationCanceledException()));
        root.Subcommands.Add(verb);
        var error = new StringWriter();
        Assert.Equal(ExitCodes.Interrupted, CommandRunner.Invoke(root, ["stop"], TextWriter.Null, error));
        Assert.Equal("toolkit: interrupted", Assert.Single(Lines(error.ToString())));
    }

    [Theory]
    [InlineData("build", "nowhere")]
    [InlineData("report", "--from", "/dev/zero")]
    [InlineData("frob")]
    public void The_real_program_prints_exactly_one_line_on_stderr(params string[] arguments)
    {
        var (code, _, error) = ToolkitProcess.Run(_temp, arguments);
        Assert.Equal(ExitCodes.UserError, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(CommandRunner.ErrorPrefix, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    private static int Bug() => throw new InvalidOperationException("the forced bug");

    private static (int Code, string Output, string Error) Invoke(string commandLine)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var args = System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(commandLine).ToArray();
        var code = CommandRunner.Invoke(Program.CreateRootCommand(), args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
