using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The engine's C #include scanner. In <see cref="ScanMode.Conservative"/> mode (the default) it is
/// modelled on SCons's CScanner: it parses each file's directives (through an <see cref="IScanCache"/>,
/// so unchanged files are parsed once across builds), resolves them with an <see cref="IncludeResolver"/>
/// and walks the include graph to find every header a source depends on. Includes in every conditional
/// branch count, so it may list a header the compiler would not open, but it never misses one except
/// through <c>#include MACRO</c>, which it names in a warning. In <see cref="ScanMode.Exact"/> mode it
/// hands each source to an <see cref="ExactScanner"/>, which evaluates the preprocessor as the compiler
/// does.
/// <para>Files are named by <see cref="ScanPaths"/>: root-relative inside the project, absolute outside.
/// A scanner is a snapshot: each path is stat'ed once per instance, and the files each header includes
/// are remembered per search chain as a graph of <see cref="HeaderNode"/>s, so later walks through a
/// header are pointer chasing with a per-thread mark array as the visited set. A source's own include
/// list is not kept (it is walked once per build). Make one scanner per build; the scan cache carries
/// over. All methods are thread-safe: the engine scans different sources from several threads at once.</para>
/// <para>What a scan allocates: files are read into a buffer per thread (<see cref="SafeFileReader"/>), header names
/// and directories are one string per distinct value (<see cref="IncludeNames"/>), the walk's lists are per thread,
/// and the search chain of a <see cref="CompilerFlags"/> instance is found by reference (a flags object is taken as
/// unchanging once scanned with). What is left per source is its header array, its directive array and the
/// dictionary entries of the files it reaches first.</para>
/// </summary>
public sealed class CIncludeScanner
{
    private readonly IScanCache _cache;
    private readonly bool _memoizeResolved;
    private readonly ConcurrentDictionary<string, SearchContext> _contexts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CompilerFlags, SearchContext> _rootContexts = new(ReferenceEqualityComparer.Instance);
    private readonly IncludeNames _names = new();
    private readonly IncludeNames _directories = new();
    private readonly ScanDiagnostics _diagnostics;
    private readonly SafeFileReader _reader;
    private readonly Lazy<ExactScanner> _exact;

    private readonly ThreadLocal<VisitMarks> _marks = new(() => new VisitMarks());
    private readonly ThreadLocal<List<Frame>> _frames = new(() => []);
    private readonly ThreadLocal<List<string>> _headers = new(() => []);
    private readonly ThreadLocal<List<HeaderNode>> _resolving = new(() => []);
    private readonly ThreadLocal<HeaderNode[]> _sourceChildren = new(() => new HeaderNode[16]);
    private readonly ThreadLocal<List<IncludeDirective>> _sourceDirectives = new(() => []);
    private int _nextNodeId = -1;

    /// <summary>A file being walked: the files it includes (the first <see cref="Count"/> of <see cref="Children"/>) and the next one to visit.</summary>
    private struct Frame
    {
        public HeaderNode[] Children;
        public int Count;
        public int Next;
    }

    /// <summary>Creates a conservative scanner that reads through <paramref name="fileSystem"/> and caches parses in <paramref name="cache"/>.</summary>
    public CIncludeScanner(IFileSystem fileSystem, IScanCache cache)
        : this(fileSystem, cache, ScanOptions.Default, memoizeResolved: true)
    {
    }

    /// <summary>
    /// As the two-argument form; <paramref name="memoizeResolved"/> false turns off the per-chain
    /// memos of resolved includes (every visit re-resolves), which exists to measure what they buy.
    /// </summary>
    public CIncludeScanner(IFileSystem fileSystem, IScanCache cache, bool memoizeResolved)
        : this(fileSystem, cache, ScanOptions.Default, memoizeResolved)
    {
    }

    /// <summary>Creates a scanner working as <paramref name="options"/> say.</summary>
    public CIncludeScanner(IFileSystem fileSystem, IScanCache cache, ScanOptions options)
        : this(fileSystem, cache, options, memoizeResolved: true)
    {
    }

    private CIncludeScanner(IFileSystem fileSystem, IScanCache cache, ScanOptions options, bool memoizeResolved)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _memoizeResolved = memoizeResolved;
        Options = options;
        Paths = new ScanPaths(options.RootDirectory ?? IncludeResolver.DefaultRoot(fileSystem));
        Resolver = new IncludeResolver(fileSystem, Paths, options.IsBuildOutput, StatCapacity(options.ExpectedFiles));
        cache.Reserve(options.ExpectedFiles);
        _diagnostics = new ScanDiagnostics(options.Warning);
        _reader = new SafeFileReader(fileSystem, _diagnostics);
        _exact = new Lazy<ExactScanner>(() => new ExactScanner(Resolver, _reader, _diagnostics, options));
    }

    /// <summary>How this scanner works.</summary>
    public ScanOptions Options { get; }

    /// <summary>How files are named.</summary>
    public ScanPaths Paths { get; }

    /// <summary>The resolver (and stat cache) this scanner uses.</summary>
    public IncludeResolver Resolver { get; }

    /// <summary>How many distinct warnings this scanner gave.</summary>
    public int WarningCount => _diagnostics.Count;

    /// <summary>
    /// The directives of one file, in file order, from the scan cache when the file's stamp is unchanged.
    /// Throws <see cref="FileNotFoundException"/> naming the file when it does not exist.
    /// </summary>
    public IncludeDirective[] DirectIncludes(string path) => DirectIncludesOfCanonical(CanonicalOrThrow(path));

    /// <summary>
    /// Every header <paramref name="sourcePath"/> reaches through its includes with <paramref name="cppPath"/>
    /// as its <c>-I</c> directories, each once, in the order <c>gcc -MM</c> lists them: depth-first, in the
    /// order the preprocessor first opens them. The source itself is not listed. Include cycles are
    /// tolerated; the walk is iterative, so include depth is limited only by memory. Throws
    /// <see cref="FileNotFoundException"/> when the source does not exist.
    /// </summary>
    public IReadOnlyList<string> ScanTransitive(string sourcePath, IReadOnlyList<string> cppPath)
    {
        ArgumentNullException.ThrowIfNull(cppPath);
        return Scan(sourcePath, CompilerFlags.FromIncludeDirs(cppPath)).Headers;
    }

    /// <summary>
    /// Scans one translation unit compiled with <paramref name="flags"/> in <paramref name="workingDirectory"/>
    /// (canonical; "" is the root), in this scanner's mode. Throws <see cref="FileNotFoundException"/> when the
    /// source does not exist, <see cref="ScanConfigurationException"/> when the exact mode's compiler fails.
    /// </summary>
    public ScanResult Scan(string sourcePath, CompilerFlags flags, string workingDirectory = "")
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var source = Paths.Combine(workingDirectory, sourcePath) ?? throw new ArgumentException($"'{sourcePath}' is not a file path", nameof(sourcePath));
        if (!Resolver.Stat(source).Exists)
        {
            throw new FileNotFoundException($"cannot scan '{source}': no such file", source);
        }

        if (Options.Mode == ScanMode.Exact)
        {
            return _exact.Value.Scan(source, flags, workingDirectory);
        }

        return new ScanResult(source, ScanMode.Conservative, WalkConservative(source, flags, workingDirectory), null, [], string.Empty);
    }

    /// <summary>
    /// The headers of a source (canonical), as <see cref="Scan"/> gives them in <see cref="ScanResult.Headers"/>, appended to
    /// <paramref name="headers"/> without a result object or an array per source: the engine's scan phase needs only these,
    /// and maps them to nodes before it reuses the list. False, with nothing appended, when the source is not on disk (a
    /// generated source not generated yet). The conservative mode stats the source once and passes the stamp on
    /// (<see cref="IncludeResolver.StatOnce"/>): a source is walked once per scan, so its stat is not remembered.
    /// </summary>
    internal bool ScanHeaders(string source, CompilerFlags flags, List<string> headers)
    {
        var canonical = CanonicalOrThrow(source);
        if (Options.Mode == ScanMode.Exact)
        {
            if (!Resolver.Stat(canonical).Exists)
            {
                return false;
            }

            headers.AddRange(Scan(canonical, flags).Headers);
            return true;
        }

        var stamp = Resolver.StatOnce(canonical);
        if (!stamp.Exists)
        {
            return false;
        }

        WalkConservative(canonical, flags, string.Empty, headers, stamp);
        return true;
    }

    private string[] WalkConservative(string source, CompilerFlags flags, string workingDirectory)
    {
        var headers = _headers.Value!;
        try
        {
            WalkConservative(source, flags, workingDirectory, headers);
            return headers.Count == 0 ? [] : headers.ToArray();
        }
        finally
        {
            headers.Clear();
        }
    }

    /// <summary>The walk of <paramref name="source"/>; <paramref name="sourceStamp"/> is its stamp when the caller stat'ed it (else the resolver is asked).</summary>
    private void Walk(string source, SearchContext context, HeaderNode[] forced, List<string> headers, FileStamp? sourceStamp)
    {
        var marks = _marks.Value!;
        marks.NewWalk();
        var frames = _frames.Value!;
        frames.Clear();
        frames.Add(SourceFrame(source, context, sourceStamp));
        if (forced.Length > 0)
        {
            frames.Add(new Frame { Children = forced, Count = forced.Length });
        }

        while (frames.Count > 0)
        {
            ref var top = ref CollectionsMarshal.AsSpan(frames)[^1];
            if (top.Next == top.Count)
            {
                frames.RemoveAt(frames.Count - 1);
                continue;
            }

            var header = top.Children[top.Next++];
            if (!marks.TryVisit(header.Id) || string.Equals(header.Path, source, StringComparison.Ordinal))
            {
                // Seen already, or the source itself reached through a cycle: it is being walked.
                continue;
            }

            headers.Add(header.Path);
            var children = ChildrenOf(header, context);
            if (children.Length > 0)
            {
                frames.Add(new Frame { Children = children, Count = children.Length });
            }
        }
    }

    /// <summary>The conservative walk of <paramref name="source"/> under <paramref name="flags"/>: its headers appended to <paramref name="headers"/>.</summary>
    private void WalkConservative(string source, CompilerFlags flags, string workingDirectory, List<string> headers, FileStamp? sourceStamp = null)
    {
        var context = ContextFor(flags, workingDirectory);
        Walk(source, context, ForcedChildren(flags, workingDirectory, context), headers, sourceStamp);
    }

    /// <summary>The <c>-include</c> files: looked for in the working directory first, then along the chain, as gcc does.</summary>
    private HeaderNode[] ForcedChildren(CompilerFlags flags, string workingDirectory, SearchContext context)
    {
        if (flags.ForcedIncludes.Count == 0)
        {
            return [];
        }

        var nodes = new List<HeaderNode>();
        foreach (var name in flags.ForcedIncludes)
        {
            var found = Resolver.ResolveNormalized(new IncludeDirective(name, false), workingDirectory, context.Directories);
            if (found is not null)
            {
                nodes.Add(context.NodeFor(found));
            }
        }

        return nodes.ToArray();
    }

    private IncludeDirective[] DirectIncludesOfCanonical(string path) =>
        CachedOrRead(path, Resolver.Stat(path), out var stamp, out var contents) is { } known ? known : Parse(path, stamp, contents);

    /// <summary>
    /// The directives of a translation unit's source, from the cache or parsed into this thread's buffer: valid until
    /// the thread's next source (the walk reads them once, as it resolves the source's includes). Saves the array a
    /// parse per source made (~60 bytes per node at 10k sources), which nothing kept: a source is walked once per scan.
    /// </summary>
    private ReadOnlySpan<IncludeDirective> SourceDirectives(string path, FileStamp? known)
    {
        if (CachedOrRead(path, known ?? Resolver.Stat(path), out var stamp, out var contents) is { } cached)
        {
            return cached;
        }

        var directives = _sourceDirectives.Value!;
        IncludeParser.ParseInto(contents, _names, directives);
        var parsed = CollectionsMarshal.AsSpan(directives);
        _cache.SetSource(path, stamp, parsed);
        return parsed;
    }

    private IncludeDirective[] Parse(string path, FileStamp stamp, ReadOnlySpan<byte> contents)
    {
        var parsed = IncludeParser.Parse(contents, _names);
        _cache.Set(path, stamp, parsed);
        return parsed;
    }

    /// <summary>
    /// The directives of <paramref name="path"/> at <paramref name="stamp"/> when there is nothing to parse (the cache
    /// holds them; a build output not written yet, or a file that cannot be read, has none); else null, with the file's
    /// <paramref name="contents"/> read (this thread's buffer) for the caller to parse and store under <paramref name="read"/>.
    /// </summary>
    private IncludeDirective[]? CachedOrRead(string path, FileStamp stamp, out FileStamp read, out ReadOnlySpan<byte> contents)
    {
        read = stamp;
        contents = default;
        if (!stamp.Exists)
        {
            if (Resolver.IsBuildOutput(path))
            {
                return []; // a generated header not generated yet: nothing to read before the build writes it
            }

            throw new FileNotFoundException($"cannot scan '{path}': no such file", path);
        }

        if (_cache.TryGet(path, stamp, out var cached))
        {
            return cached;
        }

        // Stamp first, then contents: if the file changes in between, the entry is stored under the
        // older stamp and simply misses next time; it can never pass stale contents off as current.
        return _reader.TryReadShared(path, out contents) ? null : [];
    }

    private HeaderNode[] ChildrenOf(HeaderNode file, SearchContext context)
    {
        var known = file.Children;
        if (known is not null)
        {
            return known;
        }

        var resolved = ResolveChildren(file.Path, context);
        if (_memoizeResolved)
        {
            file.Children = resolved;
        }

        return resolved;
    }

    /// <summary>
    /// The frame of the source: its includes in this thread's array (a source's own list is walked once and not kept,
    /// so it costs no array of its own).
    /// </summary>
    private Frame SourceFrame(string source, SearchContext context, FileStamp? stamp)
    {
        var resolved = _resolving.Value!;
        ResolveChildren(source, context, resolved, isSource: true, stamp);
        var children = _sourceChildren.Value!;
        if (children.Length < resolved.Count)
        {
            children = _sourceChildren.Value = new HeaderNode[Math.Max(resolved.Count, children.Length * 2)];
        }

        resolved.CopyTo(children);
        var frame = new Frame { Children = children, Count = resolved.Count };
        resolved.Clear();
        return frame;
    }

    private HeaderNode[] ResolveChildren(string file, SearchContext context)
    {
        var resolved = _resolving.Value!;
        ResolveChildren(file, context, resolved);
        var children = resolved.Count == 0 ? [] : resolved.ToArray();
        resolved.Clear();
        return children;
    }

    private void ResolveChildren(string file, SearchContext context, List<HeaderNode> resolved, bool isSource = false, FileStamp? stamp = null)
    {
        var directives = isSource ? SourceDirectives(file, stamp) : DirectIncludesOfCanonical(file);
        if (directives.Length == 0)
        {
            return;
        }

        var directory = _directories.Get(ScanPaths.DirectorySpanOf(file));
        foreach (var directive in directives)
        {
            if (directive.IsComputed)
            {
                _diagnostics.Warn($"{file}: '#include {directive.Name}' is computed from macros; the conservative scanner cannot follow it (the exact mode can: TOOLKIT_SCAN = exact)");
                continue;
            }

            var node = Resolve(file, directive, directory, context);
            if (node is not null)
            {
                resolved.Add(node);
            }
        }
    }

    private HeaderNode? Resolve(string file, IncludeDirective directive, string directory, SearchContext context)
    {
        if (_memoizeResolved && context.TryGetLookup(file, directory, directive, out var known))
        {
            return known;
        }

        var header = directive.IsNext ? ResolveNext(file, directive, context) : Resolver.ResolveNormalized(directive, directory, context.Directories, directive.IsAngle ? context.BracketStart : 0);
        var node = header is null ? null : context.NodeFor(header);
        if (_memoizeResolved)
        {
            context.SetLookup(file, directory, directive, node);
        }

        return node;
    }

    /// <summary>
    /// <c>#include_next</c>: the search goes on after the directory the includer was found in (from the
    /// start of the chain when it was found beside its own includer), and never finds the includer itself.
    /// </summary>
    private string? ResolveNext(string file, IncludeDirective directive, SearchContext context)
    {
        var directories = context.Directories;
        var start = 0;
        for (var i = 0; i < directories.Length; i++)
        {
            if (string.Equals(Paths.Combine(directories[i], directive.Name), file, StringComparison.Ordinal))
            {
                start = i + 1;
                break;
            }
        }

        for (var i = start; i < directories.Length; i++)
        {
            var found = Resolver.Find(directories[i], directive.Name);
            if (found is not null && !string.Equals(found, file, StringComparison.Ordinal))
            {
                return found;
            }
        }

        return null;
    }

    private SearchContext ContextFor(CompilerFlags flags, string workingDirectory)
    {
        if (workingDirectory.Length == 0)
        {
            return _rootContexts.TryGetValue(flags, out var same) ? same : _rootContexts.GetOrAdd(flags, ContextByValue(flags, workingDirectory));
        }

        return ContextByValue(flags, workingDirectory);
    }

    /// <summary>The context of a chain by its directories' values: flags objects that say the same share one.</summary>
    private SearchContext ContextByValue(CompilerFlags flags, string workingDirectory)
    {
        var key = workingDirectory + "\n" + string.Join('\n', flags.QuoteDirs) + "\n\n" + string.Join('\n', flags.IncludeDirs);
        if (_contexts.TryGetValue(key, out var known))
        {
            return known;
        }

        var directories = new List<string>(flags.QuoteDirs.Count + flags.IncludeDirs.Count);
        foreach (var directory in flags.QuoteDirs)
        {
            AddCanonical(directories, workingDirectory, directory);
        }

        var bracketStart = directories.Count;
        foreach (var directory in flags.IncludeDirs)
        {
            AddCanonical(directories, workingDirectory, directory);
        }

        return _contexts.GetOrAdd(key, new SearchContext(directories.ToArray(), bracketStart, CreateNode));
    }

    private void AddCanonical(List<string> directories, string workingDirectory, string directory)
    {
        if (Paths.Combine(workingDirectory, directory.Length == 0 ? "." : directory) is { } canonical)
        {
            directories.Add(canonical);
        }
    }

    /// <summary>
    /// The stat cache's size for a scan expected to reach <paramref name="files"/> files: it also holds the candidates
    /// that were not found (a quoted include looked for beside its includer first, an angle one along the chain), about
    /// a fifth more at 10k sources; half as many again leaves room for a project that misses more.
    /// </summary>
    private static int StatCapacity(int files) => files <= 0 ? 0 : checked(files + (files / 2));

    private HeaderNode CreateNode(string path) => new(path, Interlocked.Increment(ref _nextNodeId));

    private string CanonicalOrThrow(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Paths.Canonical(path) ?? throw new ArgumentException($"'{path}' is not a file path", nameof(path));
    }
}
