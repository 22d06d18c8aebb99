namespace Toolkit.Engine.Manifest;

/// <summary>
/// Receives the statements of a manifest as <see cref="ManifestReader"/> reads them, in file order.
/// A handler throws <see cref="ManifestException"/> (through <see cref="ManifestReader.Error"/>) for
/// semantic errors, so that they too name the file and the line.
/// </summary>
public interface IManifestHandler
{
    /// <summary>The <c>root</c> statement.</summary>
    void OnRoot(string path, int line);

    /// <summary>A global variable.</summary>
    void OnVariable(string name, string value, int line);

    /// <summary>A named environment, with its variables.</summary>
    void OnEnvironment(string name, string? parent, IReadOnlyList<KeyValuePair<string, string>> variables, int line);

    /// <summary>A <c>use</c> statement.</summary>
    void OnUse(string environment, int line);

    /// <summary>A <c>build</c> statement; the instance is reused after the call returns.</summary>
    void OnBuild(BuildStatement statement);

    /// <summary>An <c>alias</c> statement.</summary>
    void OnAlias(string name, IReadOnlyList<string> targets, int line);

    /// <summary>A <c>default</c> statement.</summary>
    void OnDefault(IReadOnlyList<string> targets, int line);
}
