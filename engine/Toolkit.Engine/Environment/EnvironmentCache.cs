using System.Collections.Concurrent;

namespace Toolkit.Engine.Environments;

/// <summary>
/// What one environment remembers of its substitutions: compiled variables, compiled templates
/// and split lists. Created on first use, so environments that never substitute pay nothing;
/// concurrent dictionaries, because build workers substitute in parallel.
/// </summary>
internal sealed class EnvironmentCache
{
    public ConcurrentDictionary<string, CompiledTemplate> Variables { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, CompiledTemplate> Templates { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string[]> Lists { get; } = new(StringComparer.Ordinal);
}
