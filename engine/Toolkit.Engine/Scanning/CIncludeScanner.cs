using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// The engine's C #include scanner, modelled on SCons's CScanner: it parses each file's directives
/// (through an <see cref="IScanCache"/>, so unchanged files are parsed once across builds), resolves
/// them with an <see cref="IncludeResolver"/> and walks the include graph to find every header a source
/// depends on. It is conservative (see <see cref="IncludeParser"/>): includes in every conditional
/// branch count, so it may list a header the compiler would not open, but never misses one it would.
/// <para>A scanner is a snapshot: each path is stat'ed once per instance, and the files each header
/// includes are remembered per CPPPATH as a graph of <see cref="HeaderNode"/>s, so later walks through
/// a header are pointer chasing with a per-thread mark array as the visited set. A source's own include
/// list is not kept (it is walked once per build). Make one scanner per build; the scan cache carries
/// over. All methods are thread-safe: the engine scans different sources from several threads at once.</para>
/// </summary>
public sealed class CIncludeScanner
{
    private readonly IFileSystem _fileSystem;
    private readonly IScanCache _cache;
    private readonly bool _memoizeResolved;
    private readonly ConcurrentDictionary<string, SearchContext> _contexts = new(StringComparer.Ordinal);

    private readonly ThreadLocal<VisitMarks> _marks = new(() => new VisitMarks());
    private int _nextNodeId = -1;

    /// <summary>A file being walked: the files it includes and the next one to visit.</summary>
    private struct Frame
    {
        public HeaderNode[] Children;
        public int Next;
    }

    /// <summary>Creates a scanner that reads through <paramref name="fileSystem"/> and caches parses in <paramref name="cache"/>.</summary>
    public CIncludeScanner(IFileSystem fileSystem, IScanCache cache)
        : this(fileSystem, cache, memoizeResolved: true)
    {
    }

    /// <summary>
    /// As the two-argument form; <paramref name="memoizeResolved"/> false turns off the per-CPPPATH
    /// memos of resolved includes (every visit re-resolves), which exists to measure what they buy.
    /// </summary>
    public CIncludeScanner(IFileSystem fileSystem, IScanCache cache, bool memoizeResolved)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(cache);
        _fileSystem = fileSystem;
        _cache = cache;
        _memoizeResolved = memoizeResolved;
        Resolver = new IncludeResolver(fileSystem);
    }

    /// <summary>The resolver (and stat cache) this scanner uses.</summary>
    public IncludeResolver Resolver { get; }

    /// <summary>
    /// The directives of one file, in file order, from the scan cache when the file's stamp is unchanged.
    /// Throws <see cref="FileNotFoundException"/> naming the file when it does not exist.
    /// </summary>
    public IncludeDirective[] DirectIncludes(string path) => DirectIncludesOfNormalized(NormalizeOrThrow(path));

    /// <summary>
    /// Every header <paramref name="sourcePath"/> reaches through its includes, each once, in the order
    /// <c>gcc -MM</c> lists them: depth-first, in the order the preprocessor first opens them. The source
    /// itself is not listed. Include cycles are tolerated; the walk is iterative, so include depth is
    /// limited only by memory. Throws <see cref="FileNotFoundException"/> when the source does not exist.
    /// </summary>
    public IReadOnlyList<string> ScanTransitive(string sourcePath, IReadOnlyList<string> cppPath)
    {
        ArgumentNullException.ThrowIfNull(cppPath);
        var source = NormalizeOrThrow(sourcePath);
        var context = ContextFor(cppPath);
        var headers = new List<string>();
        var marks = _marks.Value!;
        marks.NewWalk();
        var frames = new List<Frame> { new() { Children = ResolveChildren(source, context) } };
        while (frames.Count > 0)
        {
            ref var top = ref CollectionsMarshal.AsSpan(frames)[^1];
            if (top.Next == top.Children.Length)
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
                frames.Add(new Frame { Children = children });
            }
        }

        return headers;
    }

    private IncludeDirective[] DirectIncludesOfNormalized(string path)
    {
        var stamp = Resolver.Stat(path);
        if (!stamp.Exists)
        {
            throw new FileNotFoundException($"cannot scan '{path}': no such file", path);
        }

        if (_cache.TryGet(path, stamp, out var cached))
        {
            return cached;
        }

        // Stamp first, then contents: if the file changes in between, the entry is stored under the
        // older stamp and simply misses next time; it can never pass stale contents off as current.
        var parsed = IncludeParser.Parse(_fileSystem.ReadAllBytes(path));
        _cache.Set(path, stamp, parsed);
        return parsed;
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

    private HeaderNode[] ResolveChildren(string file, SearchContext context)
    {
        var directives = DirectIncludesOfNormalized(file);
        if (directives.Length == 0)
        {
            return [];
        }

        var directory = ProjectPath.DirectoryOf(file);
        var resolved = new List<HeaderNode>(directives.Length);
        foreach (var directive in directives)
        {
            var node = Resolve(directive, directory, context);
            if (node is not null)
            {
                resolved.Add(node);
            }
        }

        return resolved.Count == 0 ? [] : resolved.ToArray();
    }

    private HeaderNode? Resolve(IncludeDirective directive, string directory, SearchContext context)
    {
        if (_memoizeResolved && context.TryGetLookup(directory, directive, out var known))
        {
            return known;
        }

        var header = Resolver.ResolveNormalized(directive, directory, context.Directories);
        var node = header is null ? null : context.NodeFor(header);
        if (_memoizeResolved)
        {
            context.SetLookup(directory, directive, node);
        }

        return node;
    }

    private SearchContext ContextFor(IReadOnlyList<string> cppPath)
    {
        var key = string.Join('\n', cppPath);
        if (_contexts.TryGetValue(key, out var known))
        {
            return known;
        }

        var directories = new List<string>(cppPath.Count);
        foreach (var directory in cppPath)
        {
            // A directory outside the project can hold no project file: it is dropped.
            var normalized = ProjectPath.Normalize(directory);
            if (normalized is not null)
            {
                directories.Add(normalized);
            }
        }

        return _contexts.GetOrAdd(key, new SearchContext(directories.ToArray(), CreateNode));
    }

    private HeaderNode CreateNode(string path) => new(path, Interlocked.Increment(ref _nextNodeId));

    private static string NormalizeOrThrow(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ProjectPath.Normalize(path)
            ?? throw new ArgumentException($"'{path}' is not a path inside the project (absolute, or climbs above the root)", nameof(path));
    }
}
