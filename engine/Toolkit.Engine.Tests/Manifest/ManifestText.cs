using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>Loads manifest text or bytes into a baseline graph, as the project loader does.</summary>
internal static class ManifestText
{
    public const string File = "t.manifest";

    public static BuildGraph Load(string text) =>
        GraphLoader.Load(new StringReader(text), File, "/p", Create);

    public static ManifestException Error(string text) => Assert.Throws<ManifestException>(() => Load(text));

    public static void Read(byte[] bytes) =>
        ManifestReader.Read(new MemoryStream(bytes), File, new NullManifestHandler());

    public static ManifestException ByteError(byte[] bytes) => Assert.Throws<ManifestException>(() => Read(bytes));

    private static BuildGraph Create(string root, EnvironmentTable environments) => new(new BaselineNodeStore(root), environments, root, File);
}
