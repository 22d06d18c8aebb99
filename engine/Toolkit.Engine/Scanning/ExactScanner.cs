using System.Collections.Concurrent;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The exact mode: runs the preprocessor's directives of each translation unit as the compiler does
/// (<see cref="TranslationUnitWalk"/>), so the headers found are those <c>gcc -MM</c> lists with the same
/// flags. What it shares between units, all thread-safe: the parsed directives of every file read
/// (cached by stamp, independent of macros, so a system header is parsed once per scan however many
/// units read it), the compiler's answers (asked once per compiler, language and probe flags), and one
/// <see cref="ExactConfiguration"/> per distinct compile configuration. Results are not cached per
/// header: what a header includes depends on the macros it is entered with (see <see cref="ScanResult"/>).
/// Costs, per file read, its <see cref="FileDirectives"/>; per unit, a copy of the starting macro table
/// while it is scanned.
/// </summary>
internal sealed class ExactScanner
{
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, FileDirectives Directives)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ExactConfiguration>> _configurations = new(StringComparer.Ordinal);
    private readonly ScanOptions _options;
    private readonly Lazy<ICompilerProbe> _probe;

    public ExactScanner(IncludeResolver resolver, SafeFileReader reader, ScanDiagnostics diagnostics, ScanOptions options)
    {
        Resolver = resolver;
        Reader = reader;
        Diagnostics = diagnostics;
        _options = options;
        _probe = new Lazy<ICompilerProbe>(() => options.CompilerProbe ?? new GccCompilerProbe());
    }

    /// <summary>The resolver and stat cache shared with the conservative mode.</summary>
    public IncludeResolver Resolver { get; }

    /// <summary>Reads files, warning once about those that cannot be read.</summary>
    public SafeFileReader Reader { get; }

    /// <summary>Where warnings go.</summary>
    public ScanDiagnostics Diagnostics { get; }

    /// <summary>The compiler probe.</summary>
    public ICompilerProbe Probe => _probe.Value;

    /// <summary>Scans one translation unit (its source canonical and present).</summary>
    public ScanResult Scan(string source, CompilerFlags flags, string workingDirectory)
    {
        var configuration = ConfigurationFor(flags, flags.LanguageOf(source), workingDirectory);
        return new TranslationUnitWalk(this, configuration, source).Run();
    }

    /// <summary>The directives of a canonical path, parsed once per stamp; empty for a file not (yet) there or unreadable.</summary>
    public FileDirectives Directives(string path)
    {
        var stamp = Resolver.Stat(path);
        if (!stamp.Exists)
        {
            return FileDirectives.Empty;
        }

        if (_files.TryGetValue(path, out var known) && known.Stamp == stamp)
        {
            return known.Directives;
        }

        var contents = Reader.Read(path);
        var parsed = contents is null ? FileDirectives.Empty : DirectiveParser.Parse(contents);
        _files[path] = (stamp, parsed);
        return parsed;
    }

    private ExactConfiguration ConfigurationFor(CompilerFlags flags, string language, string workingDirectory)
    {
        var compiler = flags.Compiler ?? _options.DefaultCompiler;
        var info = Probe.Describe(compiler, language, flags.ProbeFlags);
        var key = string.Join(
            '\u001f',
            info.Key,
            string.Join('\u001e', flags.MacroOperations.Select(op => (op.Define ? "D" : "U") + op.Text)),
            string.Join('\u001e', flags.QuoteDirs),
            string.Join('\u001e', flags.IncludeDirs),
            string.Join('\u001e', flags.SystemDirs),
            string.Join('\u001e', flags.AfterDirs),
            flags.NoStandardIncludes ? "nostdinc" : string.Empty,
            string.Join('\u001e', flags.ForcedIncludes),
            workingDirectory);
        return _configurations.GetOrAdd(key, _ => new Lazy<ExactConfiguration>(() => Create(key, info, flags, workingDirectory))).Value;
    }

    private ExactConfiguration Create(string key, CompilerInfo info, CompilerFlags flags, string workingDirectory)
    {
        var macros = new MacroTable();
        foreach (var directive in DirectiveParser.Parse(info.PredefinedMacros).Directives)
        {
            if (directive.Kind == DirectiveKind.Define && directive.Macro is { } macro)
            {
                macros.Define(macro);
            }
        }

        foreach (var (define, text) in flags.MacroOperations)
        {
            if (!define)
            {
                macros.Undefine(text);
            }
            else if (!macros.ApplyCommandLineDefine(text))
            {
                Diagnostics.Warn($"-D{text}: not a macro definition; ignored");
            }
        }

        var system = Canonical(flags.SystemDirs, workingDirectory);
        if (!flags.NoStandardIncludes)
        {
            system.AddRange(Canonical(info.SystemIncludeDirs, workingDirectory));
        }

        system.AddRange(Canonical(flags.AfterDirs, workingDirectory));
        var chain = SearchChain.Create(Canonical(flags.QuoteDirs, workingDirectory), Canonical(flags.IncludeDirs, workingDirectory), system);
        return new ExactConfiguration(key, info, macros, chain, flags.ForcedIncludes, workingDirectory);
    }

    private List<string> Canonical(IReadOnlyList<string> directories, string workingDirectory)
    {
        var result = new List<string>(directories.Count);
        foreach (var directory in directories)
        {
            if (Resolver.Paths.Combine(workingDirectory, directory.Length == 0 ? "." : directory) is { } canonical)
            {
                result.Add(canonical);
            }
        }

        return result;
    }
}
