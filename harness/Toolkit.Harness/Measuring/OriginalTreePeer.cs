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

    private readonly PeerTool _peer;
    private readonly string _state;
    private readonly PeerStateGuard _guard;

    private OriginalTreePeer(PeerTool peer, string directory, IReadOnlyList<string> operations, IReadOnlyDictionary<string, string> skipped, string state, PeerStateGuard guard)
    {
        _peer = peer;
        _guard = guard;
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
    /// The peers' state files there are saved first into <paramref name="backupDirectory"/> and put back after
    /// the probe and after every run (<see cref="PeerStateGuard"/>), so no peer changes what the next one finds.
    /// </summary>
    public static (OriginalTreePeer? Peer, string? WhyNot) Probe(PeerTool peer, string directory, int jobs, string backupDirectory)
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

        var guard = PeerStateGuard.Save(directory, BuildTree.PeerStateFiles, backupDirectory);
        var (fileName, arguments) = peer.Command(ProcessOperations.DryRun, directory, jobs);
        var (exitCode, output) = RunCapturing(fileName, arguments, directory);
        guard.Restore();
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
            }, "up to date", guard), null);
        }

        var commands = NinjaProgress().Matches(output) is { Count: > 0 } matches ? matches[^1].Groups[1].Value + " commands" : output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ToString(CultureInfo.InvariantCulture) + " lines";
        return (new OriginalTreePeer(peer, directory, [ProcessOperations.DryRun], new Dictionary<string, string>
        {
            [ProcessOperations.NullBuild] = $"{directory} is not up to date (its dry run has work to do: {commands}): build it once with {peer.Executable} to measure the null build",
            [ProcessOperations.FullBuild] = fullBuild,
        }, $"not up to date: {commands} to run", guard), null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A null build counts only when the peer ran nothing: its output says so (<see cref="NothingToDo"/>) or is
    /// empty (samurai prints nothing). Otherwise the figure is a build's, and the peer is skipped with the reason.
    /// </remarks>
    public override void CheckRun(string operation, ProcessMeasurement measured)
    {
        var output = measured.OutputTail.Trim();
        if (operation == ProcessOperations.NullBuild && output.Length > 0 && !NothingToDo.Any(s => output.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            throw new MeasurementException($"{_peer.Name}'s null build in {Directory} ran commands where its probe found nothing to do, so it is not a null build (last line: {LastLine(output)}); was the tree changed meanwhile?");
        }
    }

    /// <inheritdoc />
    /// <remarks>Puts the peers' state files back as the probe found them, so the user's tree is left as it was.</remarks>
    public override void AfterRun() => _guard.Restore();

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
