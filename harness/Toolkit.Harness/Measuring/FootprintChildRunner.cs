using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Runs <c>toolkit footprint DIR --variant V --json</c> in a fresh child process and parses its
/// record, so that every measurement starts from an empty heap and a cold JIT (docs/measuring.md).
/// The child is this same toolkit (<see cref="ToolkitLauncher"/>).
/// A child that refused the project for a user's error (exit code 1) gives a <see cref="MeasurementException"/>
/// with the child's error line; any other failure is a bug: an <see cref="InvalidOperationException"/>
/// with the exit code, the command line and the end of the child's stderr.
/// </summary>
public sealed class FootprintChildRunner
{
    /// <summary>Characters of the child's stderr kept for the error message: enough for an exception's first lines.</summary>
    private const int StderrTailChars = 4000;

    private readonly string _fileName;
    private readonly IReadOnlyList<string> _leadingArguments;

    /// <summary>Runs children with an explicit command (the toolkit's executable and any arguments before the verb).</summary>
    public FootprintChildRunner(string fileName, IReadOnlyList<string> leadingArguments)
    {
        _fileName = fileName;
        _leadingArguments = leadingArguments;
    }

    /// <summary>Parallel jobs the child's measured build uses (0: the child's default, one per core).</summary>
    public int Jobs { get; init; }

    /// <summary>The command line children are started with (for messages).</summary>
    public string CommandLine => string.Join(' ', new[] { _fileName }.Concat(_leadingArguments));

    /// <summary>A runner that starts this toolkit again.</summary>
    public static FootprintChildRunner ForThisToolkit() => For(ToolkitLauncher.ThisToolkit());

    /// <summary>A runner that starts the toolkit <paramref name="launcher"/> names.</summary>
    public static FootprintChildRunner For(ToolkitLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        return new FootprintChildRunner(launcher.FileName, launcher.LeadingArguments);
    }

    /// <summary>Measures <paramref name="variant"/> on the project in <paramref name="projectDir"/> in a fresh process.</summary>
    public FootprintRecord Run(string projectDir, string variant, bool dryRun, bool clean, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(_fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in _leadingArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("footprint");
        start.ArgumentList.Add(projectDir);
        start.ArgumentList.Add("--variant");
        start.ArgumentList.Add(variant);
        start.ArgumentList.Add("--json");
        if (Jobs > 0)
        {
            start.ArgumentList.Add("--jobs");
            start.ArgumentList.Add(Jobs.ToString(CultureInfo.InvariantCulture));
        }

        if (dryRun)
        {
            start.ArgumentList.Add("--dry-run");
        }

        if (clean)
        {
            start.ArgumentList.Add("--clean");
        }

        var described = string.Join(' ', start.ArgumentList.Prepend(_fileName));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{described}'");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        try
        {
            process.WaitForExitAsync(cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode == ExitCodes.UserError)
        {
            throw new MeasurementException($"measuring {variant} on {projectDir}: {ErrorLines(errors)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the measuring child failed (exit code {process.ExitCode}): {described}{Environment.NewLine}{Tail(errors)}");
        }

        try
        {
            return JsonSerializer.Deserialize<FootprintRecord>(output, ResultsJson.Read)
                ?? throw new InvalidOperationException($"the measuring child printed null: {described}");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"the measuring child's output is not a footprint record ({exception.Message}): {described}{Environment.NewLine}stdout: {Tail(output)}{Environment.NewLine}{Tail(errors)}", exception);
        }
    }

    /// <summary>The child's <c>toolkit: error:</c> lines without the prefix (the parent prints its own).</summary>
    private static string ErrorLines(string errors)
    {
        const string Prefix = "toolkit: error: ";
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith(Prefix, StringComparison.Ordinal) ? line[Prefix.Length..] : line)
            .ToArray();
        return lines.Length == 0 ? "the child exited with code 1 and printed nothing" : string.Join("; ", lines);
    }

    private static string Tail(string text) => text.Length <= StderrTailChars ? text.TrimEnd() : "..." + text[^StderrTailChars..].TrimEnd();
}
