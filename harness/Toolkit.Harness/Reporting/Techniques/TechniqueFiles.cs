using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>The source files the recommendation pages quote, in one place so a moved file is one edit.</summary>
public static class TechniqueFiles
{
    /// <summary>The variants' folder.</summary>
    public const string Optimizations = "optimizations/Toolkit.Optimizations/";

    /// <summary>The baseline node: its fields are what most techniques change.</summary>
    public static ExcerptRef BaselineNode { get; } = new("engine/Toolkit.Engine/Graph/Baseline/BaselineNode.cs", "baseline-node");

    /// <summary>The whole-file hasher that chunked hashing replaces.</summary>
    public static ExcerptRef WholeFileHash { get; } = new("engine/Toolkit.Engine/Signatures/Md5ContentHasher.cs", "whole-file-hash");

    /// <summary>The region named after a variant in one of its files.</summary>
    public static ExcerptRef Variant(string relativeFile, string variant) => new(Optimizations + relativeFile, variant);
}
