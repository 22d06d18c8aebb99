using System.Text;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Reads a saved <see cref="TrackerStats"/> file as a stream, checking every field before it is used:
/// the version first, then each value's type and range as it is read (a null, a wrong type or a missing
/// required field is a <see cref="TrackerStatsFormatException"/> naming the field's path), then the
/// references between records. Scratch is one buffer and one token; memory is what the stats hold,
/// with each type name stored once. Unknown fields (a later minor addition) are skipped.
/// </summary>
internal sealed class TrackerStatsReader
{
    private static readonly string[] RootFields = ["formatVersion", "startedUtc", "trackedClasses", "detailClasses", "instances", "snapshots"];
    private static readonly string[] InstanceFields = ["id", "typeName", "name", "bornMs", "lastSeenMs", "diedMs"];
    private static readonly string[] SnapshotFields =
    [
        "label", "atMs", "timestampUtc", "durationMs", "managedHeapBytes", "rssBytes", "overheadBytes", "totalBytes", "liveCount",
        "types", "instanceIds", "instanceSizes", "details", "fieldTotals",
        "heapAfterCollection", "tableBytes", "trackedCount", "recordBytes", "full", "resizedCount", "deadIds",
    ];

    private static readonly string[] TypeTotalFields = ["typeName", "count", "bytes"];
    private static readonly string[] DetailFields = ["instanceId", "shallowBytes", "fields"];
    private static readonly string[] FieldBytesFields = ["field", "bytes"];
    private static readonly string[] FieldTotalsFields = ["typeName", "shallowBytes", "fields"];

    /// <summary>The first 14 snapshot fields are in every version; the rest came with version 2.</summary>
    private const int SnapshotFieldsV1 = (1 << 14) - 1;

    private static readonly byte[][] RootNames = Utf8(RootFields);
    private static readonly byte[][] InstanceNames = Utf8(InstanceFields);
    private static readonly byte[][] SnapshotNames = Utf8(SnapshotFields);
    private static readonly byte[][] TypeTotalNames = Utf8(TypeTotalFields);
    private static readonly byte[][] DetailNames = Utf8(DetailFields);
    private static readonly byte[][] FieldBytesNames = Utf8(FieldBytesFields);
    private static readonly byte[][] FieldTotalsNames = Utf8(FieldTotalsFields);

    private readonly JsonFieldReader _r;
    private int _version;

    private TrackerStatsReader(Stream stream, string source) => _r = new JsonFieldReader(new JsonTokenStream(stream, source));

    public static TrackerStats Read(Stream stream, string source)
    {
        var reader = new TrackerStatsReader(stream, source);
        var stats = reader.ReadRoot();
        TrackerStatsValidator.Validate(stats, source);
        return stats;
    }

    private static byte[][] Utf8(string[] names) => [.. names.Select(Encoding.UTF8.GetBytes)];

    private int Field(byte[][] names)
    {
        for (int k = 0; k < names.Length; k++)
        {
            if (_r.Json.NameIs(names[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private TrackerStats ReadRoot()
    {
        var json = _r.Json;
        if (!json.Read() || json.Token != System.Text.Json.JsonTokenType.StartObject)
        {
            throw json.Error("not tracker stats (the file does not start with a JSON object)");
        }

        if (!_r.NextProperty() || !json.NameIs(RootNames[0]))
        {
            throw json.Error("no formatVersion as the first field; not a tracker stats file");
        }

        _version = ReadVersion();
        var stats = new TrackerStats { FormatVersion = _version };
        // formatVersion was read: the rest are required too (a second formatVersion is refused).
        ReadObject(stats, RootNames, RootFields, (1 << RootFields.Length) - 2, static (me, st, k, f) =>
        {
            var j = me._r;
            switch (k)
            {
                case 1: st.StartedUtc = j.DateTime(f); break;
                case 2: st.TrackedClasses = j.Strings(f); break;
                case 3: st.DetailClasses = j.Strings(f); break;
                case 4: j.Objects(f, _ => st.Instances.Add(me.ReadInstance())); break;
                case 5: j.Objects(f, _ => st.Snapshots.Add(me.ReadSnapshot())); break;
                default: throw j.Fail("formatVersion given twice");
            }
        });
        if (json.Read())
        {
            throw json.Error($"content after the stats object at byte {json.Offset}");
        }

        return stats;
    }

    private int ReadVersion()
    {
        _r.Push("formatVersion");
        var json = _r.Json;
        json.ReadRequired("formatVersion");
        if (json.Token != System.Text.Json.JsonTokenType.Number || !json.TryGetInt64(out long v) || v > int.MaxValue || v < int.MinValue)
        {
            throw json.Error("formatVersion is not an integer");
        }

        if (v > TrackerStats.CurrentFormatVersion || v < 1)
        {
            throw json.Error($"formatVersion {v} is not supported; this reader understands formatVersion 1 to {TrackerStats.CurrentFormatVersion}.");
        }

        _r.Pop();
        return (int)v;
    }

    /// <summary>Reads the properties of one object into <paramref name="target"/>; <paramref name="set"/> reads field k (static, so no closure per record).</summary>
    private T ReadObject<T>(T target, byte[][] names, string[] fields, int required, Action<TrackerStatsReader, T, int, string> set)
    {
        int seen = 0;
        while (_r.NextProperty())
        {
            int k = Field(names);
            if (k < 0)
            {
                _r.SkipUnknown();
                continue;
            }

            seen |= 1 << k;
            set(this, target, k, fields[k]);
        }

        _r.Require(seen, required, fields);
        return target;
    }

    /// <summary>Name and time of death may be absent or null.</summary>
    private InstanceRecord ReadInstance() => ReadObject(new InstanceRecord(), InstanceNames, InstanceFields, 0b011011, static (me, r, k, f) =>
    {
        var j = me._r;
        switch (k)
        {
            case 0: r.Id = j.Int32(f); break;
            case 1: r.TypeName = j.String(f, shared: true); break;
            case 2: r.Name = j.NullableString(f); break;
            case 3: r.BornMs = j.Double(f); break;
            case 4: r.LastSeenMs = j.Double(f); break;
            default: r.DiedMs = j.NullableDouble(f); break;
        }
    });

    private SnapshotRecord ReadSnapshot() =>
        ReadObject(new SnapshotRecord(), SnapshotNames, SnapshotFields, _version >= 2 ? (1 << SnapshotFields.Length) - 1 : SnapshotFieldsV1, static (me, s, k, f) =>
        {
            var j = me._r;
            switch (k)
            {
                case 0: s.Label = j.String(f); break;
                case 1: s.AtMs = j.Double(f); break;
                case 2: s.TimestampUtc = j.DateTime(f); break;
                case 3: s.DurationMs = j.Double(f); break;
                case 4: s.ManagedHeapBytes = j.Int64(f); break;
                case 5: s.RssBytes = j.Int64(f); break;
                case 6: s.OverheadBytes = j.Int64(f); break;
                case 7: s.TotalBytes = j.Int64(f); break;
                case 8: s.LiveCount = j.Int64(f); break;
                case 9: j.Objects(f, _ => s.Types.Add(me.ReadTypeTotal())); break;
                case 10: s.InstanceIds = j.Int32s(f); break;
                case 11: s.InstanceSizes = j.Int64s(f); break;
                case 12: j.Objects(f, _ => s.Details.Add(me.ReadDetail())); break;
                case 13: j.Objects(f, _ => s.FieldTotals.Add(me.ReadFieldTotals())); break;
                case 14: s.HeapAfterCollection = j.Bool(f); break;
                case 15: s.TableBytes = j.Int64(f); break;
                case 16: s.TrackedCount = j.Int64(f); break;
                case 17: s.RecordBytes = j.Int64(f); break;
                case 18: s.Full = j.Bool(f); break;
                case 19: s.ResizedCount = j.Int64(f); break;
                default: s.DeadIds = j.Int32s(f); break;
            }
        });

    private TypeTotal ReadTypeTotal() => ReadObject(new TypeTotal(), TypeTotalNames, TypeTotalFields, 0b111, static (me, t, k, f) =>
    {
        switch (k)
        {
            case 0: t.TypeName = me._r.String(f, shared: true); break;
            case 1: t.Count = me._r.Int64(f); break;
            default: t.Bytes = me._r.Int64(f); break;
        }
    });

    private InstanceDetail ReadDetail() => ReadObject(new InstanceDetail(), DetailNames, DetailFields, 0b111, static (me, d, k, f) =>
    {
        switch (k)
        {
            case 0: d.InstanceId = me._r.Int32(f); break;
            case 1: d.ShallowBytes = me._r.Int64(f); break;
            default: me._r.Objects(f, _ => d.Fields.Add(me.ReadFieldBytes())); break;
        }
    });

    private TypeFieldTotals ReadFieldTotals() => ReadObject(new TypeFieldTotals(), FieldTotalsNames, FieldTotalsFields, 0b111, static (me, t, k, f) =>
    {
        switch (k)
        {
            case 0: t.TypeName = me._r.String(f, shared: true); break;
            case 1: t.ShallowBytes = me._r.Int64(f); break;
            default: me._r.Objects(f, _ => t.Fields.Add(me.ReadFieldBytes())); break;
        }
    });

    private FieldBytes ReadFieldBytes() => ReadObject(new FieldBytes(), FieldBytesNames, FieldBytesFields, 0b11, static (me, b, k, f) =>
    {
        if (k == 0)
        {
            b.Field = me._r.String(f, shared: true);
        }
        else
        {
            b.Bytes = me._r.Int64(f);
        }
    });
}
