using System.Diagnostics;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// The few git operations <c>compare --refs</c> needs, through the git program: find the repository,
/// resolve a ref to a commit, add and remove a detached worktree. A failure is a
/// <see cref="ComparisonException"/> with git's own message.
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The repository's top-level folder.</summary>
    public string Root { get; }

    /// <summary>The repository holding <paramref name="directory"/>.</summary>
    public static GitRepository Find(string directory)
    {
        var (code, output, error) = Git(directory, "rev-parse", "--show-toplevel");
        if (code != 0)
        {
            throw new ComparisonException($"--refs: {directory} is not in a git repository ({error.Trim()})");
        }

        return new GitRepository(output.Trim());
    }

    /// <summary>The commit <paramref name="reference"/> names.</summary>
    public string Resolve(string reference)
    {
        var (code, output, _) = Git(Root, "rev-parse", "--verify", "--quiet", reference + "^{commit}");
        if (code != 0)
        {
            throw new ComparisonException($"--refs: '{reference}' is not a commit in {Root} (git rev-parse found nothing)");
        }

        return output.Trim();
    }

    /// <summary>Checks <paramref name="commit"/> out, detached, into the new folder <paramref name="path"/>.</summary>
    public void AddWorktree(string path, string commit)
    {
        var (code, _, error) = Git(Root, "worktree", "add", "--detach", "--quiet", path, commit);
        if (code != 0)
        {
            throw new ComparisonException($"--refs: cannot check {commit} out into {path}: {error.Trim()}");
        }
    }

    /// <summary>Removes the worktree at <paramref name="path"/> (and its registration); never throws.</summary>
    public void RemoveWorktree(string path)
    {
        Git(Root, "worktree", "remove", "--force", path);
        Git(Root, "worktree", "prune");
    }

    private static (int Code, string Output, string Error) Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ComparisonException($"--refs needs git on PATH: {exception.Message}");
        }
    }
}
