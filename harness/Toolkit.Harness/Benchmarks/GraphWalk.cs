using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Harness.Benchmarks;

/// <summary>Reads every edge of every kind and every state of a loaded graph, as a scheduler's walk does.</summary>
public static class GraphWalk
{
    /// <summary>Walks the store; returns a checksum so the work cannot be optimized away. <paramref name="buffer"/> grows as needed and is reused.</summary>
    public static long Walk(NodeStore store, ref int[] buffer)
    {
        ArgumentNullException.ThrowIfNull(store);
        long sum = 0;
        for (var node = 0; node < store.Count; node++)
        {
            sum += (int)store.GetState(node);
            foreach (var kind in EdgeKinds.All)
            {
                var count = store.EdgeCount(node, kind);
                if (count == 0)
                {
                    continue;
                }

                if (buffer.Length < count)
                {
                    buffer = new int[Math.Max(count, buffer.Length * 2)];
                }

                var copied = store.CopyEdges(node, kind, buffer);
                for (var i = 0; i < copied; i++)
                {
                    sum += buffer[i];
                }
            }
        }

        return sum;
    }
}
