using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// A peer measured on an imported project's own build directory (ninja and samurai on the build.ninja
/// that was imported; make or SCons when a Makefile or SConstruct is there), where the commands are the
/// project's real ones (its compilers, by absolute path) and the tree is the user's. So it only runs what
/// changes nothing there: its dry run when the directory is not up to date (on a never-built tree, a dry
/// run of the whole build, like the engine's on its clean copy), its null build when it is (nothing to
/// do, like the engine's null build); never a full build. <see cref="Probe"/> finds which by running the
/// peer's own dry run once and reading its answer.
/// </summary>
public sealed partial class OriginalTreePeer : MeasuredTool
{
    /// <summary>What the peers print when a dry run finds nothing to do (ninja, samurai, make, SCons).</summary>
    private static readonly string[] NothingToDo = ["no work to do", "nothing to do", "nothing to be done", "is up to date"];

    /// <summary>
    /// The state files a dry run may create where there were none: samurai's <c>-n</c> writes an empty .ninja_log
    /// and .ninja_deps (their headers only), which <see cref="RemoveNewState"/> removes again.
    /// </summary>
    private static readonly string[] StateFiles = [".ninja_log", ".ninja_deps"];

    /// <summary>Largest state file taken for one a dry run created empty: a header line and a version, with room.</summary>
    private const int EmptyStateBytes = 64;

    private readonly PeerTool _peer;
    private readonly string _state;
    private readonly string[] _absentState;

    private OriginalTreePeer(PeerTool peer, string directory, IReadOnlyList<string> operations, IReadOnlyDictionary<string, string> skipped, string state, string[] absentState)
    {
        _peer = peer;
        _absentState = absentState;
        Directory = directory;
        Operations = operations;
        Skipped = skipped;
        _state = state;
    }

    /// <inheritdoc />
    public override string Name => _peer.Name;

    /// <inheritdoc />
    public override string? Variant => null;

    /// <inheritdoc />
    public override string Directory { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Operations { get; }

    /// <summary>The operations it does not run, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; }

    /// <summary>
    /// The peer on <paramref name="directory"/>, or why it cannot run there: its build file missing, its program
    /// missing, or its dry run failing. Runs the dry run once (not measured) to learn whether the tree is up to date.
    /// </summary>
    public static (OriginalTreePeer? Peer, string? WhyNot) Probe(PeerTool peer, string directory, int jobs)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!File.Exists(Path.Join(directory, peer.BuildFile)))
        {
            return (null, $"no {peer.BuildFile} in {directory} (the project's own build directory)");
        }

        if (peer.WhySkipped() is { } why)
        {
            return (null, why);
        }

        var absent = StateFiles.Select(f => Path.Join(directory, f)).Where(f => !File.Exists(f)).ToArray();
        var (fileName, arguments) = peer.Command(ProcessOperations.DryRun, directory, jobs);
        var (exitCode, output) = RunCapturing(fileName, arguments, directory);
        RemoveNew(absent);
        if (exitCode != 0)
        {
            return (null, $"its dry run in {directory} failed (exit {exitCode}): {LastLine(output)}");
        }

        var fullBuild = $"a full build there would run the project's own commands (its compilers) in the user's tree, {directory}: never done on an imported project";
        if (NothingToDo.Any(s => output.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            return (new OriginalTreePeer(peer, directory, [ProcessOperations.NullBuild], new Dictionary<string, string>
            {
                [ProcessOperations.DryRun] = $"{directory} is up to date: a dry run there finds nothing to do, unlike the engine's dry run on a clean tree (to measure it, measure before building {directory}, or after cleaning it with the peer's own clean)",
                [ProcessOperations.FullBuild] = fullBuild,
            }, "up to date", absent), null);
        }

        var commands = NinjaProgress().Matches(output) is { Count: > 0 } matches ? matches[^1].Groups[1].Value + " commands" : output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ToString(CultureInfo.InvariantCulture) + " lines";
        return (new OriginalTreePeer(peer, directory, [ProcessOperations.DryRun], new Dictionary<string, string>
        {
            [ProcessOperations.NullBuild] = $"{directory} is not up to date (its dry run has work to do: {commands}): build it once with {peer.Executable} to measure the null build",
            [ProcessOperations.FullBuild] = fullBuild,
        }, $"not up to date: {commands} to run", absent), null);
    }

    /// <summary>Removes the empty state files a dry run created where there were none before the probe, so the user's tree is left as it was.</summary>
    public void RemoveNewState() => RemoveNew(_absentState);

    /// <inheritdoc />
    public override string? WhySkipped() => _peer.WhySkipped();

    /// <inheritdoc />
    public override (string FileName, IReadOnlyList<string> Arguments) Command(string operation, string projectDirectory, int jobs) =>
        _peer.Command(operation, Directory, jobs);

    /// <inheritdoc />
    public override string Describe(string operation, int jobs) => $"{_peer.Describe(operation, jobs)} (in {Directory}, {_state})";

    /// <summary>ninja's "[3/34] Building ..." progress: the total is the commands it would run.</summary>
    [GeneratedRegex(@"^\[\d+/(\d+)\]", RegexOptions.Multiline)]
    private static partial Regex NinjaProgress();

    private static void RemoveNew(string[] absent)
    {
        foreach (var file in absent.Where(f => new FileInfo(f) is { Exists: true, Length: <= EmptyStateBytes }))
        {
            File.Delete(file);
        }
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static (int ExitCode, string Output) RunCapturing(string fileName, IReadOnlyList<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new MeasurementException($"cannot start {fileName}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.GetAwaiter().GetResult());
    }
}
