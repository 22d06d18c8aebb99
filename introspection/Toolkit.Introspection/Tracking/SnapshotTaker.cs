using System.Diagnostics;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Takes one snapshot of a <see cref="TrackedTable"/>: finds the dead, then sizes every live instance as
/// the bytes it owns (itself plus what it reaches that no other tracked instance reaches first), with
/// per-field breakdowns for detail types. Its scratch (a visited set over the tracked graph) is released
/// when it returns.
/// </summary>
internal static class SnapshotTaker
{
    public static SnapshotRecord Take(TrackedTable table, IReadOnlyList<TrackedType> types, string label, double nowMs, int detailLimit)
    {
        long started = Stopwatch.GetTimestamp();
        var liveSlots = new List<int>(table.LiveCount);
        var liveObjects = new List<object>(table.LiveCount);
        var walker = new ObjectWalker();
        for (int slot = 0; slot < table.Count; slot++)
        {
            if (table.Target(slot, nowMs) is { } o)
            {
                liveSlots.Add(slot);
                liveObjects.Add(o);
                walker.Exclude(o);
            }
        }

        var ids = new int[liveSlots.Count];
        var sizes = new long[liveSlots.Count];
        var typeCounts = new long[types.Count];
        var typeBytes = new long[types.Count];
        var fieldTotals = new Dictionary<int, (long Shallow, long[] PerField, TypeShape Shape)>();
        var details = new List<(InstanceDetail Detail, long Total)>();
        long[] perField = [];
        for (int i = 0; i < liveSlots.Count; i++)
        {
            object o = liveObjects[i];
            int slot = liveSlots[i];
            int type = table.TypeOf(slot);
            long size;
            if (types[type].Detail)
            {
                size = SizeInDetail(walker, o, type, ref perField, fieldTotals, out var detail);
                detail.InstanceId = slot;
                details.Add((detail, size));
            }
            else
            {
                size = walker.WalkOwned(o);
            }

            ids[i] = slot;
            sizes[i] = size;
            typeCounts[type]++;
            typeBytes[type] += size;
        }

        var snapshot = new SnapshotRecord
        {
            Label = label,
            AtMs = nowMs,
            TimestampUtc = DateTime.UtcNow,
            InstanceIds = ids,
            InstanceSizes = sizes,
            LiveCount = ids.Length,
            TotalBytes = sizes.Sum(),
            ManagedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            RssBytes = Environment.WorkingSet,
        };
        for (int t = 0; t < types.Count; t++)
        {
            if (typeCounts[t] > 0)
            {
                snapshot.Types.Add(new TypeTotal { TypeName = types[t].Name, Count = typeCounts[t], Bytes = typeBytes[t] });
            }
        }

        snapshot.Types.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
        snapshot.Details = [.. details.OrderByDescending(d => d.Total).ThenBy(d => d.Detail.InstanceId).Take(detailLimit).Select(d => d.Detail)];
        foreach (var (type, totals) in fieldTotals.OrderBy(kv => kv.Key))
        {
            snapshot.FieldTotals.Add(new TypeFieldTotals
            {
                TypeName = types[type].Name,
                ShallowBytes = totals.Shallow,
                Fields = [.. totals.Shape.Fields.Select((f, k) => new FieldBytes { Field = f.Name, Bytes = totals.PerField[k] })],
            });
        }

        snapshot.DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GC.KeepAlive(liveObjects);
        return snapshot;
    }

    private static long SizeInDetail(ObjectWalker walker, object o, int type, ref long[] perField,
        Dictionary<int, (long Shallow, long[] PerField, TypeShape Shape)> fieldTotals, out InstanceDetail detail)
    {
        long shallow = ObjectSizer.ShallowSize(o);
        var shape = TypeShape.For(o.GetType());
        if (shape.Kind != ShapeKind.Fields)
        {
            // Arrays and reference-free types have no fields to break down.
            detail = new InstanceDetail { ShallowBytes = shallow };
            return walker.WalkOwned(o);
        }

        if (perField.Length < shape.Fields.Length)
        {
            perField = new long[shape.Fields.Length];
        }

        Span<long> span = perField.AsSpan(0, shape.Fields.Length);
        span.Clear();
        walker.WalkFields(o, span);
        if (!fieldTotals.TryGetValue(type, out var totals))
        {
            totals = (0, new long[shape.Fields.Length], shape);
        }

        long size = shallow;
        detail = new InstanceDetail { ShallowBytes = shallow };
        for (int k = 0; k < span.Length; k++)
        {
            size += span[k];
            totals.PerField[k] += span[k];
            detail.Fields.Add(new FieldBytes { Field = shape.Fields[k].Name, Bytes = span[k] });
        }

        fieldTotals[type] = (totals.Shallow + shallow, totals.PerField, shape);
        return size;
    }
}
