using System.Diagnostics;
using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;
using Toolkit.Harness.Scaling;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// <c>toolkit compare --refs A,B</c>: checks each git ref of the user's engine out into its own
/// worktree (in a temporary folder), builds it there with the build command, and measures both engines
/// as whole processes on the same generated project, interleaved (a warm-up run each, then the counted
/// runs in alternating order): dry run, full build and null build, peak RSS and wall time. The
/// worktrees are removed afterwards, whatever happened, so the repository is left as it was.
/// </summary>
public static class RefsComparison
{
    /// <summary>Characters of a failed build's output kept for the message.</summary>
    private const int BuildOutputTail = 1500;

    /// <summary>Measures; returns the results, the names the two engines have in them, and how to call A and B.</summary>
    public static (ScaleResults Results, string ToolA, string ToolB, string NameA, string NameB) Run(CompareRequest request, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Refs is not { Count: 2 } refs)
        {
            throw new ComparisonException($"--refs: give exactly two refs, as A,B; got {request.Refs?.Count ?? 0}");
        }

        var repository = GitRepository.Find(request.Repository);
        var commits = refs.Select(repository.Resolve).ToArray();
        var temporary = Directory.CreateTempSubdirectory("toolkit-refs-").FullName;
        var worktrees = new List<string>();
        try
        {
            var tools = new List<MeasuredTool>();
            for (var i = 0; i < 2; i++)
            {
                var worktree = Path.Join(temporary, i == 0 ? "a" : "b");
                progress.WriteLine($"toolkit: checking {refs[i]} ({commits[i][..12]}) out into {worktree}");
                repository.AddWorktree(worktree, commits[i]);
                worktrees.Add(worktree);
                progress.WriteLine($"toolkit: building {refs[i]}: {request.BuildCommand}");
                Build(request.BuildCommand, worktree, refs[i], cancellation);
                var engine = EngineCommand.Parse(request.RefEngine, "--engine", worktree);
                tools.Add(new EngineTool(engine, request.Variant, standIns: false, name: ToolName(refs[i], i)));
            }

            var results = new ScaleRunner(FootprintChildRunner.ForThisToolkit()).Run(request.ToScaleRequest([request.Variant], tools), new ProgressLines(progress), cancellation);
            return (results, tools[0].Name, tools[1].Name, $"{refs[0]} ({commits[0][..12]})", $"{refs[1]} ({commits[1][..12]})");
        }
        finally
        {
            foreach (var worktree in worktrees)
            {
                repository.RemoveWorktree(worktree);
            }

            Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>A name for results (a safe name, distinct for A and B): "a-main", "b-my-branch".</summary>
    public static string ToolName(string reference, int index)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var safe = new string(reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()).Trim('-', '.');
        var name = (index == 0 ? "a-" : "b-") + (safe.Length == 0 ? "ref" : safe);
        return name.Length <= ResultsValidator.MaximumNameLength ? name : name[..ResultsValidator.MaximumNameLength];
    }

    private static void Build(string command, string worktree, string reference, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = worktree,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        using var registration = cancellation.Register(() => process.Kill(entireProcessTree: true));
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            var text = (output + error.Result).Trim();
            text = text.Length <= BuildOutputTail ? text : "..." + text[^BuildOutputTail..];
            throw new ComparisonException($"--refs: building {reference} in its worktree failed (exit code {process.ExitCode}, '{command}'): {text.ReplaceLineEndings(" | ")}");
        }
    }
}
