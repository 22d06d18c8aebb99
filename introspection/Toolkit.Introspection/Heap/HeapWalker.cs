using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// Walks a ClrMD heap segment by segment in address order and streams every object, its
/// references, the GC roots (with the names of static fields) and the segments with their free
/// space to a <see cref="HeapFileWriter"/>. Holds only the type table (<see cref="WalkedTypeTable"/>)
/// and one object's references at a time (<see cref="WalkedObjectReader"/>); roots and dependent
/// handles come from <see cref="WalkedRoots"/>.
/// </summary>
public sealed class HeapWalker
{
    private readonly ClrRuntime _runtime;
    private readonly HeapCaptureOptions _options;
    private readonly SegmentWindow _window;
    private readonly WalkedTypeTable _types;
    private readonly WalkedObjectReader _reader;
    private SortedRuns<List<ulong>> _dependents = SortedRuns<List<ulong>>.Empty;
    private SortedRuns<ulong>? _contexts;
    private int _dependentAt;

    public HeapWalker(ClrRuntime runtime, HeapCaptureOptions options)
    {
        _runtime = runtime;
        _options = options;
        _window = new SegmentWindow(runtime.DataTarget.DataReader);
        _types = new WalkedTypeTable(runtime);
        _reader = new WalkedObjectReader(runtime, _window, options);
    }

    /// <summary>Reads every object through ClrMD one value at a time, as before the segment window: the reference the fast walk is checked against.</summary>
    public bool PlainWalk { get; init; }

    /// <summary>Objects whose bytes came from the segment window (the rest were read through ClrMD one by one).</summary>
    public long WindowObjects => _reader.WindowObjects;

    /// <summary>Segments the block walk could not finish, which ClrMD's walk finished instead.</summary>
    public int ResumedSegments { get; private set; }

    /// <summary>Time the last <see cref="Write"/> spent on the objects (dependent handles included).</summary>
    public TimeSpan ObjectsTime { get; private set; }

    /// <summary>Time the last <see cref="Write"/> spent on the roots and static fields, and finishing the file.</summary>
    public TimeSpan RootsTime { get; private set; }

    /// <summary>Block reads the segment window made.</summary>
    public long WindowReads => _window.Reads;

    public void Write(HeapFileWriter writer, string source, int processId, string runtimeVersion)
    {
        var heap = _runtime.Heap;
        if (!heap.CanWalkHeap)
        {
            throw new HeapCaptureException($"{source}: the GC heap cannot be walked right now (a GC was in progress when the process was suspended)");
        }
        int pointerSize = _runtime.DataTarget.DataReader.PointerSize;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _dependents = new SortedRuns<List<ulong>>(WalkedRoots.Dependents(_runtime));
        _dependentAt = 0; // the cursor belongs to these dependents
        writer.WriteHeader(_options.RecordStringContents, _reader.MaxStringChars, pointerSize, source, processId, runtimeVersion);
        ulong previous = 0;
        foreach (var segment in heap.Segments.OrderBy(s => s.Start))
        {
            _options.Cancellation.ThrowIfCancellationRequested();
            var free = new SegmentFree(segment);
            _window.Reset(segment.ObjectRange.End);
            // The block walk stops at the first object it cannot decode itself; ClrMD's walk goes on from there.
            ulong resume = PlainWalk ? segment.FirstObjectAddress : WalkSegment(writer, segment, free, ref previous, pointerSize);
            if (resume != 0 && segment.ObjectRange.Contains(resume))
            {
                ResumedSegments += PlainWalk ? 0 : 1;
                foreach (var obj in segment.EnumerateObjects())
                {
                    if (obj.Address < resume)
                    {
                        continue;
                    }
                    if (obj.IsFree)
                    {
                        free.Add(obj.Address, obj.Size);
                        continue;
                    }
                    if (obj.Address <= previous || obj.Type is null)
                    {
                        continue;
                    }
                    previous = obj.Address;
                    WriteObject(writer, obj.Address, _types.Get(writer, obj.Type), pointerSize);
                }
            }
            foreach (var part in free.Parts())
            {
                writer.WriteSegment(part);
            }
        }
        ObjectsTime = clock.Elapsed;
        clock.Restart();
        _options.Cancellation.ThrowIfCancellationRequested();
        WalkedRoots.Write(writer, _runtime);
        _options.Cancellation.ThrowIfCancellationRequested(); // a process that died during the roots leaves no file
        writer.Finish();
        RootsTime = clock.Elapsed;
    }

    /// <summary>
    /// Walks <paramref name="segment"/> from its first object as ClrMD's (not careful) walk does, but decoding method table,
    /// size and the gaps of allocation contexts from the window itself instead of through ClrMD's type factory per object (which
    /// asks the DAC about every array). Returns 0 when the segment is done, else the address of the first object it could not
    /// decode (unknown method table, memory the window cannot serve), from which the caller lets ClrMD walk on.
    /// </summary>
    private ulong WalkSegment(HeapFileWriter writer, ClrSegment segment, SegmentFree free, ref ulong previous, int pointerSize)
    {
        var heap = _runtime.Heap;
        ulong freeMethodTable = heap.FreeType.MethodTable;
        uint minObject = 3u * (uint)pointerSize;
        ulong alignMask = pointerSize == 4 && segment.Kind is not (GCSegmentKind.Large or GCSegmentKind.Pinned) ? 3UL : 7UL;
        bool skipContexts = segment.Kind is not (GCSegmentKind.Large or GCSegmentKind.Frozen);
        var contexts = skipContexts ? AllocationContexts() : null;
        ulong address = segment.FirstObjectAddress;
        int context = contexts?.IndexAtOrAfter(address) ?? 0;
        while (segment.ObjectRange.Contains(address))
        {
            if (!_window.TryGet(address, 2 * pointerSize, out var head))
            {
                return address;
            }
            ulong mt = pointerSize == 8 ? BitConverter.ToUInt64(head) : BitConverter.ToUInt32(head);
            var entry = mt == freeMethodTable ? _types.Free : _types.Find(writer, mt, address);
            if (entry is null)
            {
                return address;
            }
            ulong size = entry.ObjectSize(head, pointerSize);
            if (mt == freeMethodTable)
            {
                free.Add(address, size);
            }
            else if (address > previous)
            {
                previous = address;
                WriteObject(writer, address, entry, pointerSize);
            }
            ulong step = Math.Max((size + alignMask) & ~alignMask, minObject);
            address += step;
            // Addresses only grow within a segment: the contexts are met in their sorted order, one cursor, no lookup per object.
            while (contexts is not null && contexts.TryAdvanceTo(address, ref context, out ulong contextEnd))
            {
                ulong next = contextEnd + ((minObject + alignMask) & ~alignMask);
                if (address >= next || next >= segment.End)
                {
                    return 0;
                }
                address = next;
            }
        }
        return 0;
    }

    private SortedRuns<ulong> AllocationContexts()
    {
        if (_contexts is null)
        {
            var contexts = new Dictionary<ulong, ulong>();
            foreach (var range in _runtime.Heap.EnumerateAllocationContexts())
            {
                contexts[range.Start] = range.End;
            }
            _contexts = new SortedRuns<ulong>(contexts);
        }
        return _contexts;
    }

    private void WriteObject(HeapFileWriter writer, ulong address, WalkedType entry, int pointerSize)
    {
        var type = entry.Clr;
        var references = _reader.References;
        references.Clear();
        if (PlainWalk || !_reader.TryReadFromWindow(address, entry, pointerSize, out ulong size, out long length, out ReadOnlySpan<char> contents, out long count))
        {
            var obj = _runtime.Heap.GetObject(address, type);
            size = _reader.ReadThroughClrMd(obj, type, entry, pointerSize, out length, out contents);
            count = entry.Type.HasCount ? WalkedObjectReader.ReadCount(obj) : 0;
        }
        // Objects are written in increasing address order, so the dependent handles' keys are met in their sorted order too.
        if (_dependents.TryAdvanceTo(address, ref _dependentAt, out var dependents))
        {
            foreach (ulong dependent in dependents)
            {
                references.Add((dependent, HeapFileFormat.NoField));
            }
        }
        writer.WriteObject(address, entry.Index, size, length, contents, count, references.Count, entry.Type.IsArrayOrString, entry.Type.HasCount, entry.Type.IsString, _options.RecordStringContents);
        bool withField = !entry.Type.IsArray;
        foreach (var (target, field) in references)
        {
            writer.WriteReference(address, target, field, withField);
        }
    }
}
