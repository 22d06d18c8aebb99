namespace Toolkit.Engine.Scanning;

/// <summary>Collects a <see cref="CompilerFlags"/> from gcc arguments one option at a time (see <see cref="CompilerFlags.Parse"/>).</summary>
internal sealed class CompilerFlagsBuilder
{
    /// <summary>Options whose value may be the next argument, and which this builder drops.</summary>
    private static readonly HashSet<string> DroppedWithValue = new(StringComparer.Ordinal)
    {
        "-o", "-MF", "-MT", "-MQ", "-L", "-l", "-Xlinker", "-Xassembler", "-Xpreprocessor", "-aux-info",
        "--param", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-include-pch", "-u", "-z", "-T", "-e",
        "-dumpbase", "-dumpdir", "-auxbase", "-auxbase-strip",
    };

    private readonly List<string> _quote = [];
    private readonly List<string> _include = [];
    private readonly List<string> _system = [];
    private readonly List<string> _after = [];
    private readonly List<(bool, string)> _macros = [];
    private readonly List<string> _imacros = [];
    private readonly List<string> _forced = [];
    private readonly List<string> _probe = [];
    private string? _language;
    private bool _noStdInc;

    /// <summary>Reads the option at <paramref name="i"/>; returns the index of its last word.</summary>
    public int Take(IReadOnlyList<string> args, int i)
    {
        var arg = args[i];
        if (arg.Length < 2 || arg[0] != '-')
        {
            return i; // an input file, or "-" (stdin)
        }

        if (TakeWithValue(args, ref i, arg))
        {
            return i;
        }

        if (arg == "-nostdinc")
        {
            _noStdInc = true;
            _probe.Add(arg);
        }
        else if (IsProbeFlag(arg))
        {
            _probe.Add(arg);
        }

        return i;
    }

    /// <summary>The options that carry a value, joined (<c>-Idir</c>) or as the next word (<c>-I dir</c>).</summary>
    private bool TakeWithValue(IReadOnlyList<string> args, ref int i, string arg)
    {
        if (DroppedWithValue.Contains(arg))
        {
            i = Math.Min(i + 1, args.Count - 1);
            return true;
        }

        foreach (var (option, list) in Lists())
        {
            if (arg.StartsWith(option, StringComparison.Ordinal))
            {
                var value = Value(args, ref i, option);
                if (value is not null && (option != "-I" || value != "-"))
                {
                    list.Add(value);
                }

                return true;
            }
        }

        if (arg.StartsWith("-D", StringComparison.Ordinal) || arg.StartsWith("-U", StringComparison.Ordinal))
        {
            if (Value(args, ref i, arg[..2]) is { Length: > 0 } macro)
            {
                _macros.Add((arg[1] == 'D', macro));
            }

            return true;
        }

        if (arg.StartsWith("-x", StringComparison.Ordinal))
        {
            var language = Value(args, ref i, "-x");
            _language = language is null or "none" ? null : language is "c++" or "c++-header" or "objective-c++" ? "c++" : "c";
            return true;
        }

        if (arg is "--sysroot" or "-isysroot" or "-B" or "-target" or "--target" or "-arch" && i + 1 < args.Count)
        {
            _probe.Add(arg);
            _probe.Add(args[++i]);
            return true;
        }

        return false;
    }

    private IEnumerable<(string Option, List<string> List)> Lists()
    {
        // Matched by prefix (joined values): -iquote, -isystem, -idirafter, -imacros and -include share
        // no prefix with one another, and -I (capital) with none of them.
        yield return ("-iquote", _quote);
        yield return ("-isystem", _system);
        yield return ("-idirafter", _after);
        yield return ("-imacros", _imacros);
        yield return ("-include", _forced);
        yield return ("-I", _include);
    }

    private static string? Value(IReadOnlyList<string> args, ref int i, string option)
    {
        var arg = args[i];
        if (arg.Length > option.Length)
        {
            var joined = arg[option.Length..];
            return joined.StartsWith('=') && option.StartsWith("-i", StringComparison.Ordinal) ? joined[1..] : joined;
        }

        if (i + 1 >= args.Count)
        {
            return null;
        }

        i++;
        return args[i];
    }

    /// <summary>
    /// True for the flags that can change what <c>cc -dM -E</c> predefines or where system headers are:
    /// the language standard, optimization, machine and code-generation flags, threads, sysroots.
    /// </summary>
    private static bool IsProbeFlag(string arg) =>
        arg.StartsWith("-std=", StringComparison.Ordinal) || arg == "-ansi" || arg.StartsWith("-O", StringComparison.Ordinal)
        || (arg.StartsWith("-m", StringComparison.Ordinal) && !arg.StartsWith("-M", StringComparison.Ordinal))
        || (arg.StartsWith("-f", StringComparison.Ordinal) && !arg.StartsWith("-fdiagnostics", StringComparison.Ordinal) && !arg.StartsWith("-fcolor", StringComparison.Ordinal) && !arg.StartsWith("-fmessage-length", StringComparison.Ordinal))
        || arg is "-pthread" or "-undef" or "-nostdinc++" or "-trigraphs" or "-traditional-cpp" or "-fopenmp"
        || arg.StartsWith("--sysroot=", StringComparison.Ordinal) || arg.StartsWith("-B", StringComparison.Ordinal)
        || arg.StartsWith("--target=", StringComparison.Ordinal) || arg.StartsWith("-stdlib=", StringComparison.Ordinal);

    /// <summary>The flags collected so far.</summary>
    public CompilerFlags Build(string? compiler) => new()
    {
        Compiler = compiler,
        QuoteDirs = _quote.ToArray(),
        IncludeDirs = _include.ToArray(),
        SystemDirs = _system.ToArray(),
        AfterDirs = _after.ToArray(),
        MacroOperations = _macros.ToArray(),
        ForcedIncludes = _imacros.Concat(_forced).ToArray(),
        NoStandardIncludes = _noStdInc,
        Language = _language,
        ProbeFlags = _probe.ToArray(),
    };
}
