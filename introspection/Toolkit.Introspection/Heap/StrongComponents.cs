namespace Toolkit.Introspection.Heap;

/// <summary>
/// Strongly connected components of a directed graph given as an adjacency callback, by Tarjan's
/// algorithm made iterative: an explicit frame stack (vertex, next child position) replaces the
/// recursion, so a chain of millions of objects does not overflow the thread's stack. Costs 8 bytes
/// per vertex (discovery index and low link, the low link reused as the component number once a
/// vertex is finished), 1 bit (on the stack) and at most 12 bytes per vertex of stacks; one visit
/// per vertex and edge. Components are numbered in the order Tarjan finishes them (reverse
/// topological order of the condensation).
/// </summary>
public sealed class StrongComponents
{
    /// <summary>The children of vertex <paramref name="v"/> (a vertex outside 0..n-1 is ignored).</summary>
    public delegate ReadOnlySpan<int> Adjacency(int v);

    /// <summary>The component of a vertex that was skipped (<see cref="Compute"/>'s <c>skip</c>).</summary>
    public const int Skipped = -1;

    private readonly int[] _component;
    private readonly int[] _sizes;

    private StrongComponents(int[] component, int[] sizes)
    {
        _component = component;
        _sizes = sizes;
    }

    /// <summary>How many components (skipped vertices are in none).</summary>
    public int Count => _sizes.Length;

    /// <summary>The component number of vertex <paramref name="v"/>, or <see cref="Skipped"/>.</summary>
    public int Of(int v) => _component[v];

    /// <summary>How many vertices component <paramref name="c"/> has.</summary>
    public int Size(int c) => _sizes[c];

    /// <summary>The components of the <paramref name="n"/> vertices; <paramref name="skip"/> (when given) leaves vertices out, as if they and their edges did not exist.</summary>
    public static StrongComponents Compute(int n, Adjacency children, Func<int, bool>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        var index = new int[n];   // 0 = not visited yet; discovery order from 1
        var low = new int[n];     // the low link while on the stack, then the component number
        var onStack = new ulong[(n + 63) / 64];
        var stack = new Stack32();
        var frames = new Stack32(); // pairs: vertex, next child position
        var sizes = new Stack32();
        int next = 1;
        for (int start = 0; start < n; start++)
        {
            if (index[start] != 0)
            {
                continue;
            }
            if (skip is not null && skip(start))
            {
                index[start] = -1;
                low[start] = Skipped;
                continue;
            }
            Enter(start, index, low, onStack, stack, frames, ref next);
            while (frames.Count > 0)
            {
                int v = frames[frames.Count - 2];
                int position = frames[frames.Count - 1];
                var kids = children(v);
                if (position < kids.Length)
                {
                    frames[frames.Count - 1] = position + 1;
                    int w = kids[position];
                    if ((uint)w >= (uint)n || (index[w] == 0 && skip is not null && skip(w)))
                    {
                        if ((uint)w < (uint)n)
                        {
                            index[w] = -1;
                            low[w] = Skipped;
                        }
                        continue;
                    }
                    if (index[w] == 0)
                    {
                        Enter(w, index, low, onStack, stack, frames, ref next);
                    }
                    else if (IsSet(onStack, w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                    continue;
                }
                frames.RemoveLast(2);
                if (low[v] == index[v])
                {
                    Close(v, low, onStack, stack, sizes);
                }
                if (frames.Count > 0)
                {
                    // v still on the stack (not a component's root): its low link lowers its parent's.
                    int parent = frames[frames.Count - 2];
                    if (IsSet(onStack, v))
                    {
                        low[parent] = Math.Min(low[parent], low[v]);
                    }
                }
            }
        }
        return new StrongComponents(low, sizes.ToArray());
    }

    private static void Enter(int v, int[] index, int[] low, ulong[] onStack, Stack32 stack, Stack32 frames, ref int next)
    {
        index[v] = low[v] = next++;
        stack.Add(v);
        onStack[v >> 6] |= 1UL << v;
        frames.Add(v);
        frames.Add(0);
    }

    // v is the root of a component: pop it and everything above it, numbering them.
    private static void Close(int v, int[] low, ulong[] onStack, Stack32 stack, Stack32 sizes)
    {
        int component = sizes.Count;
        int size = 0;
        int w;
        do
        {
            w = stack[stack.Count - 1];
            stack.RemoveLast(1);
            onStack[w >> 6] &= ~(1UL << w);
            low[w] = component;
            size++;
        }
        while (w != v);
        sizes.Add(size);
    }

    private static bool IsSet(ulong[] bits, int v) => (bits[v >> 6] & (1UL << v)) != 0;

    /// <summary>A growable int stack with indexed access (the frames are read and written in place).</summary>
    private sealed class Stack32
    {
        private int[] _items = new int[64];

        public int Count { get; private set; }

        public int this[int i]
        {
            get => _items[i];
            set => _items[i] = value;
        }

        public void Add(int value)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }
            _items[Count++] = value;
        }

        public void RemoveLast(int how) => Count -= how;

        public int[] ToArray() => _items.AsSpan(0, Count).ToArray();
    }
}
