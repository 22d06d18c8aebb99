using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Runs a gcc-compatible compiler (gcc, clang, cc) to describe it: <c>cc FLAGS -x LANG -dM -E -v /dev/null</c>
/// gives the predefined macros (stdout) and the system include directories (the <c>-v</c> search list on
/// stderr); one <c>cc FLAGS -x LANG -E -P -</c> run tells which operators it knows; each distinct
/// <c>__has_attribute(x)</c>-style query costs one more run (its 64 bits read as 64 <c>#if</c> tests).
/// Every answer is cached for the probe's lifetime, so a scan of a thousand sources with one set of
/// flags runs the compiler twice plus once per distinct query.
/// </summary>
public sealed class GccCompilerProbe : ICompilerProbe
{
    /// <summary>A compiler that has not answered in this long is taken as hung.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Lazy<CompilerInfo>> _compilers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<long>> _operators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Compiler, string Language, string[] Flags)> _arguments = new(StringComparer.Ordinal);

    /// <summary>How many times the compiler was run (for the report beside gcc's own time).</summary>
    public int Runs => _runs;

    private int _runs;

    /// <inheritdoc />
    public CompilerInfo Describe(string compiler, string language, IReadOnlyList<string> probeFlags)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(probeFlags);
        var key = compiler + "\n" + language + "\n" + string.Join('\n', probeFlags);
        _arguments.TryAdd(key, (compiler, language, probeFlags.ToArray()));
        return _compilers.GetOrAdd(key, _ => new Lazy<CompilerInfo>(() => Run(key, compiler, language, probeFlags))).Value;
    }

    /// <inheritdoc />
    public long EvaluateOperator(CompilerInfo compiler, string name, string operand)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        var key = compiler.Key + "\n" + name + "(" + operand + ")";
        return _operators.GetOrAdd(key, _ => new Lazy<long>(() => Query(compiler, name, operand))).Value;
    }

    private CompilerInfo Run(string key, string compiler, string language, IReadOnlyList<string> flags)
    {
        var arguments = new List<string>(flags) { "-x", language, "-dM", "-E", "-v", "/dev/null" };
        var (macros, log) = Execute(compiler, arguments, stdin: null);
        var directories = SearchList(log);
        var check = new StringBuilder();
        var candidates = CompilerInfo.CandidateOperators;
        for (var i = 0; i < candidates.Count; i++)
        {
            // The operator's name in text is an error to gcc: the output names it by its index.
            check.Append(CultureInfo.InvariantCulture, $"#ifdef {candidates[i]}\ntoolkit_operator_{i}\n#endif\n");
        }

        var (known, _) = Execute(compiler, [.. flags, "-x", language, "-E", "-P", "-"], check.ToString());
        var operators = known.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("toolkit_operator_", StringComparison.Ordinal))
            .Select(line => int.TryParse(line.AsSpan("toolkit_operator_".Length), CultureInfo.InvariantCulture, out var index) ? candidates[index] : null)
            .OfType<string>()
            .ToArray();
        return new CompilerInfo(key, macros, directories, operators);
    }

    /// <summary>The directories between gcc's "#include &lt;...&gt; search starts here:" and "End of search list.".</summary>
    internal static List<string> SearchList(string log)
    {
        var directories = new List<string>();
        var inList = false;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("#include <...> search starts here:", StringComparison.Ordinal))
            {
                inList = true;
            }
            else if (line.StartsWith("End of search list.", StringComparison.Ordinal))
            {
                inList = false;
            }
            else if (inList && line.StartsWith(' '))
            {
                var directory = line.Trim();
                var framework = directory.IndexOf(" (framework directory)", StringComparison.Ordinal);
                directory = framework >= 0 ? directory[..framework] : directory;
                if (ScanPaths.NormalizeAbsolute(directory) is { } absolute)
                {
                    directories.Add(absolute);
                }
            }
        }

        return directories;
    }

    private long Query(CompilerInfo compiler, string name, string operand)
    {
        var (command, language, flags) = _arguments[compiler.Key];
        var text = new StringBuilder();
        for (var bit = 0; bit < 64; bit++)
        {
            text.Append(CultureInfo.InvariantCulture, $"#if (({name}({operand})) >> {bit}) & 1\ntoolkit_bit_{bit}\n#endif\n");
        }

        var (output, _) = Execute(command, [.. flags, "-x", language, "-E", "-P", "-"], text.ToString(), failOk: true);
        long value = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("toolkit_bit_", StringComparison.Ordinal) && int.TryParse(line.AsSpan(12), CultureInfo.InvariantCulture, out var bit))
            {
                value |= 1L << bit;
            }
        }

        return value;
    }

    private (string Stdout, string Stderr) Execute(string compiler, IReadOnlyList<string> arguments, string? stdin, bool failOk = false)
    {
        var start = new ProcessStartInfo(compiler)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Interlocked.Increment(ref _runs);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ScanConfigurationException($"exact scan: cannot start the compiler '{compiler}'");
        }
        catch (Win32Exception exception)
        {
            throw new ScanConfigurationException($"exact scan: cannot run the compiler '{compiler}' to ask for its predefined macros: {exception.Message}", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin ?? string.Empty);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ScanConfigurationException($"exact scan: '{compiler} {string.Join(' ', arguments)}' did not finish in {Timeout.TotalSeconds:0} s");
            }

            if (process.ExitCode != 0 && !failOk)
            {
                var first = stderr.Result.Split('\n').FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? stderr.Result.Trim();
                throw new ScanConfigurationException($"exact scan: '{compiler} {string.Join(' ', arguments)}' failed (exit {process.ExitCode}): {first.Trim()}");
            }

            return (stdout.Result, stderr.Result);
        }
    }
}
