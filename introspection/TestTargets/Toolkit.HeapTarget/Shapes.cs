namespace Toolkit.HeapTarget;

/// <summary>Builds the hand-worked shapes; each returned object gets its own GC handle.</summary>
public static class Shapes
{
    // Holds the dependent handles of the dependent-handle shape for the life of the process.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DependentKey, DependentValue> Attached = new();

    public static List<object> Build()
    {
        var roots = new List<object>();

        // Chain: A -> B -> C.
        roots.Add(new ChainNode { Next = new ChainNode { Next = new ChainNode() } });

        // Diamond: A -> B, A -> C, B -> D, C -> D.
        var d = new DiamondNode();
        roots.Add(new DiamondNode { Left = new DiamondNode { Left = d }, Right = new DiamondNode { Right = d } });

        // Cycle: A -> B -> C -> A, rooted at A.
        var a = new CycleNode();
        a.Next = new CycleNode { Next = new CycleNode { Next = a } };
        roots.Add(a);

        // Shared subtree: two rooted holders -> S -> (L, R).
        var shared = new SharedNode { Left = new SharedNode(), Right = new SharedNode() };
        roots.Add(new SharedHolder { Child = shared });
        roots.Add(new SharedHolder { Child = shared });

        // One object held by two roots, with one child.
        var twice = new TwoRootObject { Child = new TwoRootChild() };
        roots.Add(twice);
        roots.Add(twice);

        // Dependent handles: three rooted keys, each with a value held only through a ConditionalWeakTable (key -> value).
        for (int i = 0; i < 3; i++)
        {
            var key = new DependentKey { Id = i };
            Attached.Add(key, new DependentValue { Id = i });
            roots.Add(key);
        }
        return roots;
    }
}
