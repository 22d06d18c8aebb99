using Toolkit.Engine.Graph.Baseline;
using Toolkit.Optimizations.Interning;
using Toolkit.Optimizations.LazyInit;
using Toolkit.Engine.Graph.Stores;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Optimizations.Tests.Shared;

/// <summary>
/// The shared node and executor bases (<see cref="ObjectNode{TNode, TExecutor}"/>, <see cref="ListNode{TNode, TExecutor}"/>,
/// <see cref="StoreExecutor{TNode}"/>) must not change what a variant's objects hold: each class keeps the
/// size it had when it declared every field itself (the slots classes are checked in their own tests).
/// </summary>
public sealed class SharedLayoutTests
{
    [Fact]
    public void Nodes_built_on_the_shared_bases_keep_their_own_sizes()
    {
        // 16 references, an int, two byte enums: the baseline node, which the weak-references variant keeps unchanged.
        Assert.Equal(152, ObjectLayout.BaseSize(typeof(BaselineNode)));
        Assert.Equal(typeof(BaselineNode), typeof(WeakReferencesNodeStore).BaseType!.GetGenericArguments()[0]);

        // 8 header + 8 method table + 14 references + an int, a bool and two byte enums padded to 8.
        Assert.Equal(8 + 8 + (14 * 8) + 8, ObjectLayout.BaseSize(typeof(InterningNode)));

        // 8 + 8 + 13 references + an int and two byte enums padded to 8.
        Assert.Equal(8 + 8 + (13 * 8) + 8, ObjectLayout.BaseSize(typeof(LazyInitNode)));
    }

    [Fact]
    public void Executors_on_the_shared_base_are_the_baselines_size()
    {
        var baseline = ObjectLayout.BaseSize(typeof(BaselineExecutor));
        Assert.Equal(48, baseline);
        Assert.Equal(baseline, ObjectLayout.BaseSize(typeof(WeakReferencesExecutor)));
        Assert.Equal(baseline, ObjectLayout.BaseSize(typeof(InterningExecutor)));
        Assert.Equal(baseline, ObjectLayout.BaseSize(typeof(LazyInitExecutor)));
    }
}
