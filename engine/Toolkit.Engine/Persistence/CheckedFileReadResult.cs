namespace Toolkit.Engine.Persistence;

/// <summary>
/// The outcome of <see cref="CheckedFile.TryRead"/>: the status, and for <see cref="CheckedFileStatus.Ok"/>
/// the format version and the payload (a slice of the bytes read, not a copy); for
/// <see cref="CheckedFileStatus.Damaged"/> a reason naming what broke.
/// </summary>
public readonly struct CheckedFileReadResult
{
    private CheckedFileReadResult(CheckedFileStatus status, uint version, ReadOnlyMemory<byte> payload, string? reason)
    {
        Status = status;
        Version = version;
        Payload = payload;
        Reason = reason;
    }

    /// <summary>Ok, Missing or Damaged.</summary>
    public CheckedFileStatus Status { get; }

    /// <summary>The format version found in a whole file (0 unless <see cref="Status"/> is Ok).</summary>
    public uint Version { get; }

    /// <summary>The payload of a whole file (empty unless <see cref="Status"/> is Ok).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>For Damaged: what broke ("bad magic ...", "unsupported version 7 ...", "truncated at byte 12 ...", "checksum mismatch"). Null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="Status"/> is Ok.</summary>
    public bool IsOk => Status == CheckedFileStatus.Ok;

    /// <summary>A whole file.</summary>
    public static CheckedFileReadResult Ok(uint version, ReadOnlyMemory<byte> payload) => new(CheckedFileStatus.Ok, version, payload, null);

    /// <summary>No file.</summary>
    public static CheckedFileReadResult Missing() => new(CheckedFileStatus.Missing, 0, ReadOnlyMemory<byte>.Empty, null);

    /// <summary>A file that cannot be trusted, and why.</summary>
    public static CheckedFileReadResult Damaged(string reason) => new(CheckedFileStatus.Damaged, 0, ReadOnlyMemory<byte>.Empty, reason);

    /// <inheritdoc />
    public override string ToString() => Status == CheckedFileStatus.Damaged ? $"Damaged: {Reason}" : Status.ToString();
}
