using System.Security.Cryptography;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>Hashes every file of a tree: relative path to SHA-256 hex.</summary>
public static class TreeHash
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            hashes[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(stream));
        }

        return hashes;
    }
}
