namespace Toolkit.Engine.Scanning;

/// <summary>
/// Where the exact scanner finds an included file, as libcpp's search_path_head does: an absolute name
/// as it is; a quoted include first beside its includer, then along the whole chain; an angle include
/// from the chain's bracket part; <c>#include_next</c> (and <c>__has_include_next</c>) from the directory
/// after the one the includer was found in (from the chain's head for a file found beside its includer;
/// as a plain include for the main file or a file named absolutely); a forced include (<c>-include</c>)
/// first in the working directory. Records the candidates that did not exist (<see cref="Probed"/>).
/// </summary>
internal sealed class ExactIncludeSearch
{
    private readonly IncludeResolver _resolver;
    private readonly ExactConfiguration _configuration;
    private readonly HashSet<string> _probed = new(StringComparer.Ordinal);

    public ExactIncludeSearch(IncludeResolver resolver, ExactConfiguration configuration)
    {
        _resolver = resolver;
        _configuration = configuration;
    }

    /// <summary>Candidates looked at that did not exist, in the order first probed.</summary>
    public IEnumerable<string> Probed => _probed;

    /// <summary>The file <paramref name="name"/> resolves to from <paramref name="frame"/> (null: from the working directory), or null.</summary>
    public (string Path, int ChainIndex, bool IsSystem)? Resolve(string name, bool isAngle, bool isNext, IncludeFrame? frame)
    {
        if (name.Length > 0 && name[0] == '/')
        {
            var absolute = _resolver.Paths.Canonical(name);
            return absolute is not null && Exists(absolute) ? (absolute, IncludeFrame.NoSearchPath, frame?.IsSystem == true) : null;
        }

        var chain = _configuration.Chain;
        int start;
        if (isNext && frame is not null && !frame.IsMain && frame.ChainIndex != IncludeFrame.NoSearchPath)
        {
            start = frame.ChainIndex + 1;
        }
        else if (isAngle)
        {
            start = chain.BracketStart;
        }
        else
        {
            var directory = frame is null ? _configuration.WorkingDirectory : ScanPaths.DirectoryOf(frame.Path);
            var beside = Candidate(directory, name);
            if (beside is not null)
            {
                return (beside, IncludeFrame.BesideIncluder, frame?.IsSystem == true);
            }

            start = 0;
        }

        for (var i = start; i < chain.Directories.Length; i++)
        {
            var found = Candidate(chain.Directories[i], name);
            if (found is not null)
            {
                return (found, i, chain.IsSystem[i]);
            }
        }

        return null;
    }

    /// <summary>A forced include: the working directory, then the whole chain.</summary>
    public (string Path, int ChainIndex, bool IsSystem)? ResolveForced(string name) => Resolve(name, isAngle: false, isNext: false, frame: null);

    private string? Candidate(string directory, string name)
    {
        var candidate = _resolver.Paths.Combine(directory, name);
        if (candidate is null)
        {
            return null;
        }

        if (Exists(candidate))
        {
            return candidate;
        }

        _probed.Add(candidate);
        return null;
    }

    private bool Exists(string candidate) => _resolver.Exists(candidate);
}
