using Toolkit.Engine.Manifest;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// A manifest handler that collects the targets and side effects of every build statement and the
/// <c>root</c> statement's path; with <c>inputs: true</c> also every input (sources, dependencies,
/// order-only prerequisites), the aliases and the <c>CPPPATH</c> values, which <c>scale --project</c>
/// needs to copy an imported project (off by default: cleaning a million-source tree needs only the outputs).
/// </summary>
internal sealed class ManifestOutputs(bool inputs = false) : IManifestHandler
{
    public string? Root { get; private set; }

    public List<string> Outputs { get; } = [];

    /// <summary>Every input of every statement (with repeats), when collected.</summary>
    public List<string> Inputs { get; } = [];

    /// <summary>Alias names, when collected.</summary>
    public List<string> Aliases { get; } = [];

    /// <summary>The include directories (CPPPATH of any environment, statement or the global scope), when collected.</summary>
    public HashSet<string> IncludeDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>Build statements read.</summary>
    public int Statements { get; private set; }

    /// <summary>Explicit edges: each target to each of its statement's inputs.</summary>
    public long Edges { get; private set; }

    public void OnRoot(string path, int line) => Root = path;

    public void OnVariable(string name, string value, int line) => IncludePath(name, value);

    public void OnEnvironment(string name, string? parent, IReadOnlyList<KeyValuePair<string, string>> variables, int line)
    {
        foreach (var (key, value) in variables)
        {
            IncludePath(key, value);
        }
    }

    public void OnUse(string environment, int line)
    {
    }

    public void OnBuild(BuildStatement statement)
    {
        Outputs.AddRange(statement.Targets);
        Outputs.AddRange(statement.SideEffects);
        if (!inputs)
        {
            return;
        }

        Statements++;
        Inputs.AddRange(statement.Sources);
        Inputs.AddRange(statement.Depends);
        Inputs.AddRange(statement.OrderOnly);
        Edges += (long)statement.Targets.Count * (statement.Sources.Count + statement.Depends.Count + statement.OrderOnly.Count);
        foreach (var (key, value) in statement.Overrides)
        {
            IncludePath(key, value);
        }
    }

    public void OnAlias(string name, IReadOnlyList<string> targets, int line)
    {
        if (inputs)
        {
            Aliases.Add(name);
            Edges += targets.Count;
        }
    }

    public void OnDefault(IReadOnlyList<string> targets, int line)
    {
    }

    private void IncludePath(string name, string value)
    {
        if (inputs && name == "CPPPATH")
        {
            IncludeDirectories.UnionWith(value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
