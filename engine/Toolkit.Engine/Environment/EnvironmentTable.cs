namespace Toolkit.Engine.Environments;

/// <summary>
/// Every environment of a build, addressed by a dense id as executors refer to them: id 0 is the
/// global environment, named environments and per-statement override sets follow. Identical
/// override sets under the same parent share one environment, so a million build statements
/// with the same overrides make one environment (and one substitution cache), not a million.
/// Cost: one list slot per environment, one dictionary entry per name and per distinct override set.
/// Filled single-threaded while the manifest is read; lookups by id may then run concurrently.
/// </summary>
public sealed class EnvironmentTable
{
    /// <summary>The id of the global environment.</summary>
    public const int GlobalId = 0;

    /// <summary>The name of the global environment (the manifest's <c>use default</c>).</summary>
    public const string GlobalName = "default";

    private readonly List<ConstructionEnvironment> _environments = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<OverrideKey, int> _overrides = [];

    /// <summary>Creates a table whose global environment holds the manifest format's defaults.</summary>
    public EnvironmentTable()
        : this(ConstructionEnvironment.CreateDefault())
    {
    }

    /// <summary>Creates a table with the given global environment (id 0, named "default").</summary>
    public EnvironmentTable(ConstructionEnvironment global)
    {
        ArgumentNullException.ThrowIfNull(global);
        _environments.Add(global);
        _ids.Add(GlobalName, GlobalId);
    }

    /// <summary>Number of environments, named and override.</summary>
    public int Count => _environments.Count;

    /// <summary>Number of distinct override sets.</summary>
    public int OverrideCount => _overrides.Count;

    /// <summary>The global environment.</summary>
    public ConstructionEnvironment Global => _environments[GlobalId];

    /// <summary>The environment with this id.</summary>
    public ConstructionEnvironment this[int id] => (uint)id < (uint)_environments.Count
        ? _environments[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"no environment has id {id} (there are {_environments.Count})");

    /// <summary>Defines a named environment under <paramref name="parentId"/>; returns its id. A name defined twice is an error naming it.</summary>
    public int Add(string name, int parentId, IEnumerable<KeyValuePair<string, string>> variables, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(variables);
        var parent = this[parentId];
        if (_ids.ContainsKey(name))
        {
            throw new ArgumentException($"environment '{name}' is already defined", nameof(name));
        }

        var id = _environments.Count;
        _environments.Add(new ConstructionEnvironment(variables, parent, name, line));
        _ids.Add(name, id);
        return id;
    }

    /// <summary>The id of a named environment.</summary>
    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>The id of a named environment; an unknown name is an error naming it.</summary>
    public int GetId(string name) => _ids.TryGetValue(name, out var id)
        ? id
        : throw new KeyNotFoundException($"no environment is named '{name}'");

    /// <summary>
    /// The id of an environment holding <paramref name="overrides"/> over <paramref name="parentId"/>,
    /// shared with every earlier call that gave the same parent and the same overrides (in any
    /// order; values compared after trimming). No overrides: the parent's own id. <paramref name="line"/>
    /// is the manifest line of the first statement with these overrides, named in substitution errors.
    /// </summary>
    public int GetOrAddOverride(int parentId, IEnumerable<KeyValuePair<string, string>> overrides, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var parent = this[parentId];
        var pairs = OverrideKey.Normalize(overrides);
        if (pairs.Length == 0)
        {
            return parentId;
        }

        var key = new OverrideKey(parentId, pairs);
        if (_overrides.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var id = _environments.Count;
        _environments.Add(parent.CreateOverride(pairs, line));
        _overrides.Add(key, id);
        return id;
    }
}
