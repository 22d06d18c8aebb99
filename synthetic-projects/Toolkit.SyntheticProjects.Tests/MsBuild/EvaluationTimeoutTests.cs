using Toolkit.SyntheticProjects.MsBuild;
using Xunit.Abstractions;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class EvaluationTimeoutTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "toolkit-msbuild-hang-" + Guid.NewGuid().ToString("N"));

    // The limit also bounds the good project's evaluation, so it must be far above what that takes on a
    // loaded CI machine (3 s was exceeded at load average 20); the hanging project costs this much once.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(15);

    [Fact]
    public void A_project_whose_evaluation_hangs_is_reported_and_the_others_imported()
    {
        if (OperatingSystem.IsWindows())
        {
            output.WriteLine("skipped: needs a Unix named pipe to make an evaluation hang");
            return;
        }

        var repo = Path.Combine(_directory, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "Good"));
        Directory.CreateDirectory(Path.Combine(repo, "Hang"));
        File.WriteAllText(Path.Combine(repo, "Good", "Good.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(repo, "Good", "Good.cs"), "// good\n");
        File.WriteAllText(Path.Combine(repo, "Hang", "Hang.csproj"), """<Project><Import Project="hang.props" /></Project>""");
        var fifo = Path.Combine(repo, "Hang", "hang.props");
        UnixFifo.Create(fifo);
        try
        {
            // The hang itself is unbounded (nobody writes the pipe); the limit ends it.
            var result = Importing.Run(new MsBuildImportOptions(repo, Path.Combine(_directory, "out")) { EvaluationTimeout = HangLimit });

            Assert.Equal(1, result.Nodes);
            Assert.Equal(1, result.CompileItems);
            var failure = Assert.Single(result.Failures);
            Assert.Equal(Path.Combine(repo, "Hang", "Hang.csproj"), failure.ProjectPath);
            Assert.Contains($"did not finish within {HangLimit.TotalSeconds:0} s", failure.Reason, StringComparison.Ordinal);
        }
        finally
        {
            UnixFifo.Release(fifo);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
