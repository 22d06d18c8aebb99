using System.Collections.Concurrent;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>
/// Projects written by the real generator, once per (shape, size, seed) for the whole test run,
/// and handed out as file contents to copy into in-memory file systems.
/// </summary>
internal static class GeneratedTrees
{
    private static readonly ConcurrentDictionary<(ProjectShape, int, int), Lazy<IReadOnlyDictionary<string, byte[]>>> Trees = new();

    public static IReadOnlyDictionary<string, byte[]> Get(ProjectShape shape, int sources, int seed) =>
        Trees.GetOrAdd((shape, sources, seed), key => new Lazy<IReadOnlyDictionary<string, byte[]>>(() => Generate(key.Item1, key.Item2, key.Item3))).Value;

    private static IReadOnlyDictionary<string, byte[]> Generate(ProjectShape shape, int sources, int seed)
    {
        var directory = Path.Join(Path.GetTempPath(), $"toolkit-conformance-{ProjectShapes.Name(shape)}-{sources}-{seed}-{Guid.NewGuid():N}");
        try
        {
            ProjectGenerator.Generate(new GeneratorOptions(shape, sources, seed, directory));
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
                if (relative.EndsWith(".c", StringComparison.Ordinal) || relative.EndsWith(".h", StringComparison.Ordinal) || relative == "toolkit.manifest")
                {
                    files[relative] = File.ReadAllBytes(file);
                }
            }

            return files;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
