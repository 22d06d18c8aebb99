using System.Diagnostics;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Takes the snapshots of one tracker. A full snapshot sizes every live instance as the bytes it owns
/// (itself plus what it reaches before any other tracked instance; tracked instances are boundaries,
/// and an object reached by two goes to the first). An incremental one sizes only the instances born
/// since the last snapshot and those whose <see cref="InstanceFingerprint"/> changed, and keeps the
/// others' sizes: its cost is one handle read and one fingerprint per live instance plus a walk of what
/// changed, and its record lists only what changed. Per-type totals (and detail mode's per-field totals)
/// are kept running between snapshots. Costs the detail mode's field arrays (one long per reference
/// field per detail instance) between snapshots; a snapshot's walk scratch is released when it returns.
/// </summary>
internal sealed class SnapshotTaker(TrackedTable table, List<TrackedType> types)
{
    private readonly Dictionary<int, long[]> _detailOf = [];
    private readonly Dictionary<int, long[]> _typeFields = [];
    private readonly Dictionary<int, TypeShape> _shapes = [];
    private long[] _count = [];
    private long[] _bytes = [];
    private long[] _perField = [];

    /// <summary>Bytes of the running totals and the detail instances' field arrays.</summary>
    public long OverheadBytes() =>
        ObjectSizer.DeepSize(_detailOf) + ObjectSizer.DeepSize(_typeFields) + ObjectSizer.ShallowSize(_count) + ObjectSizer.ShallowSize(_bytes);

    /// <summary>
    /// Takes one snapshot. <paramref name="mayBeTracked"/> and <paramref name="isTracked"/> name the
    /// boundaries of the walks (the second may track an instance it meets; it is then sized in this pass).
    /// </summary>
    public SnapshotRecord Take(string label, double nowMs, bool full, int detailLimit, Func<Type, bool> mayBeTracked, Func<object, bool> isTracked)
    {
        long started = Stopwatch.GetTimestamp();
        if (full)
        {
            Array.Clear(_count);
            Array.Clear(_bytes);
            _typeFields.Clear();
            _detailOf.Clear();
        }

        var walker = new ObjectWalker(mayBeTracked, isTracked);
        var fingerprints = new InstanceFingerprint();
        var listedIds = new List<int>();
        var listedSizes = new List<long>();
        var dead = new List<int>();
        var detailLive = new List<(int Slot, long Size)>();
        long resized = 0;
        long live = 0;

        // Count is read each turn: instances the walks find are appended and sized in this same pass.
        for (int slot = 0; slot < table.Count; slot++)
        {
            if (table.IsDead(slot))
            {
                continue;
            }

            int type = table.TypeOf(slot);
            GrowTotals();
            if (table.Target(slot, nowMs) is not { } o)
            {
                dead.Add(slot);
                Bury(slot, type, full);
                continue;
            }

            live++;
            ulong fingerprint = fingerprints.Of(o);
            long old = full ? -1 : table.Size(slot);
            long size = old;
            if (old < 0 || fingerprint != table.Fingerprint(slot))
            {
                size = types[type].Detail ? SizeInDetail(walker, o, slot, type) : walker.WalkOwned(o);
                resized++;
                table.Size(slot) = size;
                table.Fingerprint(slot) = fingerprint;
                _count[type] += old < 0 ? 1 : 0;
                _bytes[type] += size - Math.Max(old, 0);
                if (size != old)
                {
                    listedIds.Add(slot);
                    listedSizes.Add(size);
                }
            }

            if (types[type].Detail)
            {
                detailLive.Add((slot, size));
            }
        }

        var snapshot = new SnapshotRecord
        {
            Label = label,
            AtMs = nowMs,
            TimestampUtc = DateTime.UtcNow,
            Full = full,
            InstanceIds = [.. listedIds],
            InstanceSizes = [.. listedSizes],
            DeadIds = [.. dead],
            LiveCount = live,
            ResizedCount = resized,
            TrackedCount = table.Count,
            TotalBytes = _bytes.Sum(),
        };
        Totals(snapshot, detailLive, detailLimit);
        snapshot.DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return snapshot;
    }

    /// <summary>Takes a dead instance out of the running totals (a full snapshot starts them from zero instead).</summary>
    private void Bury(int slot, int type, bool full)
    {
        if (full || table.Size(slot) < 0)
        {
            return;
        }

        _count[type]--;
        _bytes[type] -= table.Size(slot);
        if (_detailOf.Remove(slot, out long[]? fields) && _typeFields.TryGetValue(type, out long[]? totals))
        {
            for (int k = 0; k < fields.Length; k++)
            {
                totals[k] -= fields[k];
            }
        }
    }

    private void GrowTotals()
    {
        if (_count.Length < types.Count)
        {
            Array.Resize(ref _count, types.Count * 2);
            Array.Resize(ref _bytes, types.Count * 2);
        }
    }

    private void Totals(SnapshotRecord snapshot, List<(int Slot, long Size)> detailLive, int detailLimit)
    {
        for (int t = 0; t < types.Count && t < _count.Length; t++)
        {
            if (_count[t] > 0)
            {
                snapshot.Types.Add(new TypeTotal { TypeName = types[t].Name, Count = _count[t], Bytes = _bytes[t] });
            }
        }

        snapshot.Types.Sort((a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : string.CompareOrdinal(a.TypeName, b.TypeName));
        foreach (var (slot, _) in detailLive.OrderByDescending(d => d.Size).ThenBy(d => d.Slot).Take(detailLimit))
        {
            var fields = _detailOf[slot];
            var detail = new InstanceDetail { InstanceId = slot, ShallowBytes = fields[0] };
            var shape = _shapes[table.TypeOf(slot)];
            for (int k = 1; k < fields.Length; k++)
            {
                detail.Fields.Add(new FieldBytes { Field = TypeNames.FieldName(shape.Fields[k - 1].Name), Bytes = fields[k] });
            }

            snapshot.Details.Add(detail);
        }

        foreach (var (type, totals) in _typeFields.OrderBy(kv => kv.Key))
        {
            var shape = _shapes[type];
            snapshot.FieldTotals.Add(new TypeFieldTotals
            {
                TypeName = types[type].Name,
                ShallowBytes = totals[0],
                Fields = [.. shape.Fields.Select((f, k) => new FieldBytes { Field = TypeNames.FieldName(f.Name), Bytes = totals[k + 1] })],
            });
        }
    }

    /// <summary>Sizes a detail-mode instance field by field, keeping its breakdown (shallow bytes, then each field) and the type's running totals.</summary>
    private long SizeInDetail(ObjectWalker walker, object o, int slot, int type)
    {
        long shallow = ObjectSizer.ShallowSize(o);
        var shape = TypeShape.For(o.GetType());
        int n = shape.Kind == ShapeKind.Fields ? shape.Fields.Length : 0;
        long size;
        var fields = new long[n + 1];
        fields[0] = shallow;
        if (n == 0)
        {
            // Arrays and reference-free types have no fields to break down.
            size = walker.WalkOwned(o);
        }
        else
        {
            if (_perField.Length < n)
            {
                _perField = new long[n];
            }

            Span<long> span = _perField.AsSpan(0, n);
            span.Clear();
            walker.Exclude(o);
            walker.WalkFields(o, span);
            size = shallow;
            for (int k = 0; k < n; k++)
            {
                fields[k + 1] = span[k];
                size += span[k];
            }
        }

        _shapes.TryAdd(type, shape);
        if (!_typeFields.TryGetValue(type, out long[]? totals) || totals.Length != fields.Length)
        {
            totals = new long[fields.Length];
            _typeFields[type] = totals;
        }

        if (_detailOf.TryGetValue(slot, out long[]? before))
        {
            for (int k = 0; k < before.Length && k < totals.Length; k++)
            {
                totals[k] -= before[k];
            }
        }

        for (int k = 0; k < fields.Length; k++)
        {
            totals[k] += fields[k];
        }

        _detailOf[slot] = fields;
        return size;
    }
}
