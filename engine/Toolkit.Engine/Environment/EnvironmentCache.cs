using System.Collections.Concurrent;

namespace Toolkit.Engine.Environments;

/// <summary>
/// What one environment remembers of its substitutions: compiled variables, compiled templates
/// and split lists. Concurrent dictionaries, because build workers substitute in parallel; each is
/// made on its first use, with one lock and room for <see cref="InitialCapacity"/> entries, because
/// most environments are a statement's own overrides that substitute one command and split no list:
/// an imported build.ninja has one per statement, and three default-sized dictionaries (a lock per
/// core, 31 buckets each) cost about 1.3 KB a statement against about 0.3 KB now. Writes are rare
/// (once per variable), so one lock does not slow the workers; reads take no lock.
/// </summary>
internal sealed class EnvironmentCache
{
    /// <summary>Entries a dictionary has room for before it grows: a statement's override substitutes one or two.</summary>
    private const int InitialCapacity = 4;

    private ConcurrentDictionary<string, CompiledTemplate>? _variables;
    private ConcurrentDictionary<string, CompiledTemplate>? _templates;
    private ConcurrentDictionary<string, string[]>? _lists;

    public ConcurrentDictionary<string, CompiledTemplate> Variables => _variables ?? Create(ref _variables);

    public ConcurrentDictionary<string, CompiledTemplate> Templates => _templates ?? Create(ref _templates);

    public ConcurrentDictionary<string, string[]> Lists => _lists ?? Create(ref _lists);

    private static ConcurrentDictionary<string, T> Create<T>(ref ConcurrentDictionary<string, T>? field)
    {
        var created = new ConcurrentDictionary<string, T>(concurrencyLevel: 1, InitialCapacity, StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref field, created, null) ?? created;
    }
}
