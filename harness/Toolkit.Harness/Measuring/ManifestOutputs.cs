using Toolkit.Engine.Manifest;

namespace Toolkit.Harness.Measuring;

/// <summary>A manifest handler that collects the targets and side effects of every build statement, and the <c>root</c> statement's path.</summary>
internal sealed class ManifestOutputs : IManifestHandler
{
    public string? Root { get; private set; }

    public List<string> Outputs { get; } = [];

    public void OnRoot(string path, int line) => Root = path;

    public void OnVariable(string name, string value, int line)
    {
    }

    public void OnEnvironment(string name, string? parent, IReadOnlyList<KeyValuePair<string, string>> variables, int line)
    {
    }

    public void OnUse(string environment, int line)
    {
    }

    public void OnBuild(BuildStatement statement)
    {
        Outputs.AddRange(statement.Targets);
        Outputs.AddRange(statement.SideEffects);
    }

    public void OnAlias(string name, IReadOnlyList<string> targets, int line)
    {
    }

    public void OnDefault(IReadOnlyList<string> targets, int line)
    {
    }
}
