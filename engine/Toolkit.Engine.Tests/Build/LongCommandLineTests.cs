using System.Text;
using Toolkit.Engine.Actions;
using Toolkit.Engine.Build;

namespace Toolkit.Engine.Tests.Build;

/// <summary>
/// A command line longer than one argument may be on Linux (128 KiB: the link line of a million-source
/// project is about 250 KB) still runs with <c>--real-tools</c>, from a script file that is gone afterwards;
/// before, <c>/bin/sh -c LINE</c> failed with "Argument list too long". A failure of such a command quotes its
/// start, not all of it.
/// </summary>
public sealed class LongCommandLineTests : IDisposable
{
    /// <summary>Inputs enough for a link line of about 200 KB: far over the 128 KiB limit, far under ARG_MAX's 2 MiB.</summary>
    private const int Inputs = 4000;

    private readonly string _root = Directory.CreateTempSubdirectory("toolkit-long-command-").FullName;

    public LongCommandLineTests()
    {
        Directory.CreateDirectory(Path.Join(_root, "objects"));
        var manifest = new StringBuilder("toolkit-manifest 2\nbuild bin/app: Program");
        for (var i = 0; i < Inputs; i++)
        {
            var name = $"objects/an-object-file-with-a-long-name-{i:D5}.o";
            File.WriteAllText(Path.Join(_root, name), "o");
            manifest.Append(' ').Append(name);
        }

        manifest.Append('\n');
        File.WriteAllText(Path.Join(_root, "toolkit.manifest"), manifest.ToString());
    }

    [Fact]
    public void A_link_line_over_the_argument_limit_runs_and_leaves_no_script()
    {
        // printf is the shell's own: the words reach it without another exec, so what the file holds is
        // exactly what the shell parsed out of the script.
        WriteManifestEnd("LINKCOM = printf '%s\\n' $SOURCES > $TARGET");
        var reporter = new NullBuildReporter();
        var project = Project.Open(_root, EngineSettings.Baseline, reporter);

        var result = project.Build(null, new BuildOptions { Jobs = 1 }, new ProcessExecutor(_root));

        Assert.True(result.Failed == 0, string.Join("\n", reporter.Errors));
        var lines = File.ReadAllLines(Path.Join(_root, "bin", "app"));
        Assert.Equal(Inputs, lines.Length);
        Assert.Equal("objects/an-object-file-with-a-long-name-03999.o", lines[^1]);
        Assert.Empty(Scripts());
    }

    [Fact]
    public void A_long_command_that_fails_is_quoted_by_its_start_and_leaves_no_script()
    {
        WriteManifestEnd("LINKCOM = false $SOURCES");
        var reporter = new NullBuildReporter();
        var project = Project.Open(_root, EngineSettings.Baseline, reporter);

        var result = project.Build(null, new BuildOptions { Jobs = 1 }, new ProcessExecutor(_root));

        Assert.Equal(1, result.Failed);
        var error = Assert.Single(reporter.Errors);
        Assert.Contains("exited with code 1", error, StringComparison.Ordinal);
        Assert.Contains("characters in all)", error, StringComparison.Ordinal);
        Assert.True(error.Length < 1000, $"the message is {error.Length} characters long");
        Assert.Empty(Scripts());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteManifestEnd(string linkCommand)
    {
        var path = Path.Join(_root, "toolkit.manifest");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, $"toolkit-manifest 2\n{linkCommand}\n{text["toolkit-manifest 2\n".Length..]}end\n");
    }

    private static string[] Scripts() =>
        Directory.GetFiles(Path.GetTempPath(), $"toolkit-command-{Environment.ProcessId}-*");
}
