namespace Toolkit.Introspection.Heap;

/// <summary>
/// Cycles of strong references in a heap graph: its strongly connected components (<see cref="StrongComponents"/>, iterative), the
/// ones with two or more objects or an object holding itself, those with an object of the program's own types (framework-only ones,
/// such as the runtime's thread and type caches, are left out unless asked for), grouped by shape (the set of internal edge kinds
/// <c>Holder.field -&gt; Target</c>), biggest first by bytes. For each shape, the edge kind whose weakening breaks its largest cycle is
/// found by removing each candidate kind and searching the components again. A .NET collector frees cycles; what a cycle costs is
/// ownership: one outside reference to any member keeps every member alive. Costs, beside the graph, about 20 bytes per object
/// (components, stacks) and 8 per object in cycles; one pass over every reference, two more over the references of cycle members.
/// </summary>
public static class HeapCycles
{
    /// <summary>Finds and groups the cycles of <paramref name="graph"/> (excluded objects left out).</summary>
    public static HeapCycleReport Find(HeapGraph graph, HeapCycleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new HeapCycleOptions();
        var components = StrongComponents.Compute(graph.ObjectCount, graph.Children, graph.IsExcluded);
        var cycles = CycleSet.Collect(graph, components);
        var program = ProgramMembers(graph, cycles);
        long objects = 0;
        for (int id = 0; id < graph.ObjectCount; id++)
        {
            objects += graph.IsExcluded(id) ? 0 : 1;
        }
        var kept = new List<int>();
        int frameworkOnly = 0;
        for (int k = 0; k < cycles.Count; k++)
        {
            if (program[k] || options.IncludeFramework)
            {
                kept.Add(k);
            }
            else
            {
                frameworkOnly++;
            }
        }
        var outside = OutsideHolders.Count(graph, components, cycles);
        var groups = kept.GroupBy(k => Shape(graph, components, cycles, k), StringComparer.Ordinal)
            .Select(g => Group(graph, components, cycles, outside, g.Key, [.. g], options))
            .OrderByDescending(g => g.Bytes).ThenBy(g => g.Shape, StringComparer.Ordinal)
            .ToList();
        return new HeapCycleReport(objects, kept.Count, kept.Sum(k => (long)cycles.Members(k).Length), kept.Sum(cycles.Bytes), frameworkOnly, options.IncludeFramework,
            [.. groups.Take(Math.Max(1, options.Top))]);
    }

    /// <summary>True for a type of the runtime or the framework (its module, or its name when the file recorded no module).</summary>
    public static bool IsFrameworkType(HeapType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        string module = type.Module;
        if (module.Length == 0)
        {
            return IsFrameworkName(type.Name);
        }
        // A generic or an array of a framework module may carry program types: List<Node> is the program's as much as Node.
        return IsFrameworkName(module) && (!type.Name.Contains('<', StringComparison.Ordinal) || ArgumentsAreFramework(type.Name)) && !IsProgramArray(type.Name);
    }

    /// <summary>True for a type whose fields the framework declares (List&lt;Node&gt; and every array included): not a field the program can change.</summary>
    public static bool IsDeclaredByFramework(HeapType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsArray || IsFrameworkName(type.Module.Length == 0 ? type.Name : type.Module);
    }

    private static bool IsFrameworkName(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name.StartsWith("Internal.", StringComparison.Ordinal) || name is "mscorlib" or "netstandard" or "Free";

    // List<Toolkit.Node> has program arguments; Dictionary<System.String, System.Object> has none.
    private static bool ArgumentsAreFramework(string name)
    {
        int open = name.IndexOf('<', StringComparison.Ordinal);
        foreach (var part in name[(open + 1)..].Split([',', '<', '>', ' ', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsFrameworkName(part))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsProgramArray(string name) => name.EndsWith(']') && !IsFrameworkName(name);

    private static bool[] ProgramMembers(HeapGraph graph, CycleSet cycles)
    {
        var framework = graph.Types.Select(IsFrameworkType).ToArray();
        var program = new bool[cycles.Count];
        for (int k = 0; k < cycles.Count; k++)
        {
            foreach (int id in cycles.Members(k))
            {
                if (!framework[graph.TypeIndex(id)])
                {
                    program[k] = true;
                    break;
                }
            }
        }
        return program;
    }

    // The distinct internal edge kinds, sorted: cycles of one structure group together whatever their length.
    private static string Shape(HeapGraph graph, StrongComponents components, CycleSet cycles, int k) =>
        string.Join("; ", EdgeKinds(graph, components, cycles.Members(k)).Keys.Select(kind => Describe(graph, kind)).Order(StringComparer.Ordinal));

    /// <summary>Per internal edge kind (holder type, field ordinal, target type packed in a long), how many edges of it.</summary>
    internal static Dictionary<long, int> EdgeKinds(HeapGraph graph, StrongComponents components, ReadOnlySpan<int> members)
    {
        var kinds = new Dictionary<long, int>();
        foreach (int u in members)
        {
            var children = graph.Children(u);
            int c = components.Of(u);
            for (int i = 0; i < children.Length; i++)
            {
                if (components.Of(children[i]) == c)
                {
                    long kind = Kind(graph, u, i, children[i]);
                    kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                }
            }
        }
        return kinds;
    }

    internal static long Kind(HeapGraph graph, int holder, int position, int target) =>
        ((long)graph.TypeIndex(holder) << 40) | ((long)graph.ChildFieldOrdinal(holder, position) << 32) | (uint)graph.TypeIndex(target);

    private static string Describe(HeapGraph graph, long kind)
    {
        var holder = graph.Types[(int)(kind >> 40)];
        int ordinal = (int)((kind >> 32) & 0xff);
        string field = ordinal == 0 || ordinal > holder.Fields.Count ? "[]" : holder.Fields[ordinal - 1].Name;
        return $"{graph.TypeName((int)(kind >> 40))}.{field} -> {graph.TypeName((int)(kind & 0xffffffff))}";
    }

    private static HeapCycleGroup Group(HeapGraph graph, StrongComponents components, CycleSet cycles, OutsideHolders outside, string shape, int[] members, HeapCycleOptions options)
    {
        int largest = members.OrderByDescending(cycles.Bytes).ThenBy(k => cycles.Members(k)[0]).First();
        var span = cycles.Members(largest);
        int entry = outside.Entry(span);
        var memberTypes = MemberTypes(graph, span);
        var weaken = CycleBreaker.Best(graph, components, span, outside, options.MaxWeakenCandidates);
        return new HeapCycleGroup(
            shape, memberTypes, members.Length, members.Sum(k => (long)cycles.Members(k).Length), members.Sum(cycles.Bytes),
            span.Length, cycles.Bytes(largest), HeapFormat.Address(graph.Address(entry)), graph.TypeNameOf(entry),
            outside.EntriesOf(span), outside.ReferencesInto(span),
            weaken is null ? null : Describe(graph, weaken.Value.Kind), weaken?.Example, weaken?.Left ?? span.Length);
    }

    private static List<string> MemberTypes(HeapGraph graph, ReadOnlySpan<int> members)
    {
        var counts = new Dictionary<int, int>();
        foreach (int id in members)
        {
            counts[graph.TypeIndex(id)] = counts.GetValueOrDefault(graph.TypeIndex(id)) + 1;
        }
        return [.. counts.OrderByDescending(p => p.Value).ThenBy(p => graph.TypeName(p.Key), StringComparer.Ordinal).Select(p => $"{graph.TypeName(p.Key)} x{p.Value}")];
    }

    /// <summary>The edge kind to weaken, the edge it names in the largest cycle, and how many of its objects stay in cycles.</summary>
    internal readonly record struct Weakening(long Kind, string Example, long Left);
}
