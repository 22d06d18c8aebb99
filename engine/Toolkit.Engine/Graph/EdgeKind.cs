using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Toolkit.Engine.Graph;

/// <summary>The lists of dependencies SCons keeps per node, one per kind.</summary>
public enum EdgeKind : byte
{
    /// <summary>The sources the builder reads, in order (they take part in the action).</summary>
    Sources = 0,
    /// <summary>Explicit extra dependencies (the manifest's <c>| deps</c>).</summary>
    Depends = 1,
    /// <summary>Dependencies found by scanning (headers), transitive, in discovery order.</summary>
    Implicit = 2,
    /// <summary>Dependencies to leave out of the decision (SCons's Ignore).</summary>
    Ignored = 3,
    /// <summary>Order-only prerequisites: built first, never cause a rebuild (the manifest's <c>|| deps</c>).</summary>
    OrderOnly = 4,
    /// <summary>Files the action also writes, that no two actions may write at once (SCons's SideEffect).</summary>
    SideEffects = 5,
}

/// <summary>Helpers over <see cref="EdgeKind"/>.</summary>
public static class EdgeKinds
{
    /// <summary>Every edge kind, in declaration order.</summary>
    public static ReadOnlySpan<EdgeKind> All => [EdgeKind.Sources, EdgeKind.Depends, EdgeKind.Implicit, EdgeKind.Ignored, EdgeKind.OrderOnly, EdgeKind.SideEffects];

    /// <summary>Number of edge kinds.</summary>
    public const int Count = 6;

    /// <summary>
    /// Throws the error for a value that is no edge kind. Kept out of line, so that a store's switch over
    /// the kinds stays a frameless jump (the inline throw made the shared list node's switch save five
    /// registers per call, measurably slower on edge queries).
    /// </summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowUnknown(EdgeKind kind) => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown edge kind");
}
