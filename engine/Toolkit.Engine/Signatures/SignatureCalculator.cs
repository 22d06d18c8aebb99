using System.Buffers;
using System.Text;

namespace Toolkit.Engine.Signatures;

/// <summary>
/// Computes the two derived signatures SCons's decider compares: the action signature (of the
/// substituted command line) and the build signature (of the action signature followed by every
/// dependency's signature, in order). Both hash through the given <see cref="IContentHasher"/>.
/// Cost: no heap allocation per call for inputs up to <see cref="StackBufferBytes"/> bytes (the
/// bytes are laid out on the stack); larger inputs borrow a buffer from <see cref="ArrayPool{T}.Shared"/>.
/// </summary>
public static class SignatureCalculator
{
    /// <summary>
    /// Inputs up to this size are assembled on the stack: 1 KiB covers a typical compile command
    /// line and the build signature of a target with up to 63 dependencies, while staying far
    /// below the 1 MiB default stack of a worker thread.
    /// </summary>
    public const int StackBufferBytes = 1024;

    private const int SignatureBytes = 16;

    /// <summary>The signature of a command line: the hash of its UTF-8 bytes.</summary>
    public static ContentSignature ActionSignature(IContentHasher hasher, string commandLine)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(commandLine);

        // UTF-8 needs at most 3 bytes per UTF-16 char; check the cheap bound before counting.
        var maxBytes = commandLine.Length * 3;
        if (maxBytes <= StackBufferBytes)
        {
            Span<byte> buffer = stackalloc byte[StackBufferBytes];
            var written = Encoding.UTF8.GetBytes(commandLine, buffer);
            return hasher.HashBytes(buffer[..written]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(commandLine));
        try
        {
            var written = Encoding.UTF8.GetBytes(commandLine, rented);
            return hasher.HashBytes(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The build signature: the hash of the 16 bytes of <paramref name="action"/> followed by the
    /// 16 bytes of each dependency signature, in the order given (so reordering changes it).
    /// </summary>
    public static ContentSignature BuildSignature(IContentHasher hasher, ContentSignature action, ReadOnlySpan<ContentSignature> dependencies)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var length = SignatureBytes * (1 + dependencies.Length);
        if (length <= StackBufferBytes)
        {
            Span<byte> buffer = stackalloc byte[StackBufferBytes];
            return HashLaidOut(hasher, action, dependencies, buffer[..length]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return HashLaidOut(hasher, action, dependencies, rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ContentSignature HashLaidOut(IContentHasher hasher, ContentSignature action, ReadOnlySpan<ContentSignature> dependencies, Span<byte> buffer)
    {
        action.WriteTo(buffer);
        for (var i = 0; i < dependencies.Length; i++)
        {
            dependencies[i].WriteTo(buffer[(SignatureBytes * (i + 1))..]);
        }

        return hasher.HashBytes(buffer);
    }
}
