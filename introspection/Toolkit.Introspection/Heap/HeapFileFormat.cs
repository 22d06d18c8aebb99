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

    /// <summary>The only version this code writes and reads (2: checksum, segments, modules, root names).</summary>
    public const int Version = 2;

    public const byte TypeTag = 1;
    public const byte ObjectTag = 2;
    public const byte RootTag = 3;
    public const byte EndTag = 4;
    public const byte SegmentTag = 5;

    /// <summary>Header flag: string contents are recorded (else only their lengths).</summary>
    public const int FlagStringContents = 1;

    public const byte TypeIsArray = 1;
    public const byte TypeIsString = 2;
    public const byte TypeHasCount = 4;

    public const byte FieldIsReference = 1;
    public const byte FieldIsValueType = 2;

    /// <summary>Footer counts: objects, references, types, roots, segments, 8 bytes each.</summary>
    public const int FooterCountBytes = 5 * 8;

    /// <summary>SHA-256 of every byte before it (header, records, footer counts).</summary>
    public const int ChecksumBytes = 32;

    /// <summary>Footer: the counts, the checksum, then <see cref="EndMagic"/>.</summary>
    public const int FooterBytes = FooterCountBytes + ChecksumBytes + 8;

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
