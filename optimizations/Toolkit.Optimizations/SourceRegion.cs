namespace Toolkit.Optimizations;

/// <summary>
/// A marked region of the project's source that a page quotes: the file (repository-relative, '/') and
/// the region's name, marked in the file by a line <c>// excerpt: NAME</c> and a line <c>// end excerpt</c>.
/// </summary>
public sealed record SourceRegion(string File, string Name)
{
    /// <summary>The variants' folder.</summary>
    public const string Optimizations = "optimizations/Toolkit.Optimizations/";

    /// <summary>The baseline node's own fields (path strings, kind, state, hex infos, build info).</summary>
    public static SourceRegion BaselineNode { get; } = new("engine/Toolkit.Engine/Graph/Baseline/BaselineNode.cs", "baseline-node");

    /// <summary>The baseline's reference members (directory, executor, six eager lists, attribute dictionary).</summary>
    public static SourceRegion BaselineLists { get; } = new("engine/Toolkit.Engine/Graph/Stores/ListNode.cs", "baseline-lists");

    /// <summary>The baseline node as a page shows it: its own fields, then the list members it inherits.</summary>
    public static IReadOnlyList<SourceRegion> Baseline { get; } = [BaselineNode, BaselineLists];

    /// <summary>The whole-file hasher that chunked hashing replaces.</summary>
    public static SourceRegion WholeFileHash { get; } = new("engine/Toolkit.Engine/Signatures/Md5ContentHasher.cs", "whole-file-hash");

    /// <summary>The region named <paramref name="variant"/> in a file of the variants' folder.</summary>
    public static SourceRegion Variant(string relativeFile, string variant) => new(Optimizations + relativeFile, variant);
}
