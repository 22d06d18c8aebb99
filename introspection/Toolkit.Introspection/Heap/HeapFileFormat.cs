namespace Toolkit.Introspection.Heap;

/// <summary>
/// The constants of the heap file format (docs/heap-file-format.md): magic, version, record
/// tags, flags and the sanity limits a reader applies before trusting a length.
/// </summary>
public static class HeapFileFormat
{
    /// <summary>The eight bytes every heap file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "TKHEAP\r\n"u8;

    /// <summary>The eight bytes every heap file ends with (after the footer counts and checksum).</summary>
    public static ReadOnlySpan<byte> EndMagic => "TKHEND\r\n"u8;

    /// <summary>The version this code writes (3: the type records after the objects and a chunk index, so a reader parses
    /// chunks of objects on all cores). It reads 3 and 2 (2: checksum, segments, modules, root names; types before their objects).</summary>
    public const int Version = 3;

    /// <summary>The oldest version this code reads.</summary>
    public const int OldestReadableVersion = 2;

    /// <summary>Objects per chunk of the index a version 3 writer records: a multiple of 64 (chunks then fill disjoint words of
    /// the per-object bit maps), large enough that the index is small (a few bytes per 64K objects) and a chunk's work dwarfs
    /// its scheduling, small enough that two cores share even a 1M-object heap evenly.</summary>
    public const int DefaultChunkObjects = 1 << 16;

    public const byte TypeTag = 1;
    public const byte ObjectTag = 2;
    public const byte RootTag = 3;
    public const byte EndTag = 4;
    public const byte SegmentTag = 5;
    public const byte IndexTag = 6;

    /// <summary>Header flag: string contents are recorded (else only their lengths).</summary>
    public const int FlagStringContents = 1;

    public const byte TypeIsArray = 1;
    public const byte TypeIsString = 2;
    public const byte TypeHasCount = 4;

    public const byte FieldIsReference = 1;
    public const byte FieldIsValueType = 2;

    /// <summary>Footer counts of version 3: objects, references, types, roots, segments, and the byte offset of the first type
    /// record (the tail: types, index, end), 8 bytes each.</summary>
    public const int FooterCountBytes = 6 * 8;

    /// <summary>Footer counts of version 2: objects, references, types, roots, segments.</summary>
    public const int FooterCountBytesV2 = 5 * 8;

    /// <summary>SHA-256 of every byte before it (header, records, footer counts).</summary>
    public const int ChecksumBytes = 32;

    /// <summary>Footer of version 3: the counts, the checksum, then <see cref="EndMagic"/>.</summary>
    public const int FooterBytes = FooterCountBytes + ChecksumBytes + 8;

    /// <summary>Footer of version 2 (no tail offset).</summary>
    public const int FooterBytesV2 = FooterCountBytesV2 + ChecksumBytes + 8;

    /// <summary>Footer length of a file of <paramref name="version"/>.</summary>
    public static int FooterLength(int version) => version == 2 ? FooterBytesV2 : FooterBytes;

    /// <summary>Default cut of recorded string contents, in UTF-16 chars: enough to recognise a
    /// path or a key, small enough that a heap of long strings does not double the file.</summary>
    public const int DefaultMaxStringChars = 256;

    /// <summary>Longest type or field name a reader accepts, in bytes (real names are far shorter;
    /// the bound stops a damaged length from causing a huge allocation).</summary>
    public const int MaxNameBytes = 64 * 1024;

    /// <summary>Most string chars a writer records per string; readers reject more.</summary>
    public const int MaxStringCharsLimit = 1 << 20;

    /// <summary>Fewest bytes one object record takes (tag, address, type, size, ref count):
    /// bounds the object count a footer may claim for a file of a given length.</summary>
    public const int MinObjectRecordBytes = 5;

    /// <summary>Fewest bytes one segment record takes (tag, start, length, generation, free count, free bytes).</summary>
    public const int MinSegmentRecordBytes = 6;

    /// <summary>Field ordinal written for a reference that is not held by a named field (array elements).</summary>
    public const int NoField = 0;
}
