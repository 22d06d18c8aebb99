using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>A handler that takes every statement and keeps nothing: for tests of the reader alone.</summary>
internal sealed class NullManifestHandler : IManifestHandler
{
    public void OnRoot(string path, int line)
    {
    }

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
    }

    public void OnAlias(string name, IReadOnlyList<string> targets, int line)
    {
    }

    public void OnDefault(IReadOnlyList<string> targets, int line)
    {
    }
}
