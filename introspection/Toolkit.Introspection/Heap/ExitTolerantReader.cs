using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;
using Microsoft.Diagnostics.Runtime.DataReaders.Implementation;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// The reader of a live process, made safe for the process's death: ClrMD's Linux reader throws "The process has exited"
/// from a read, and a read made by the runtime's DAC (native code calling back into managed code) cannot throw without
/// ending this process with an unhandled exception. This one answers such a read as failed (no bytes), records that the
/// process went, and cancels <see cref="Exited"/>, which the walk checks at each segment. Disposing it disposes the
/// attached target (which detaches from the process).
/// </summary>
internal sealed class ExitTolerantReader(DataTarget attached) : IDataReader, IThreadReader, IDisposable
{
    private readonly IDataReader _inner = attached.DataReader;
    private readonly CancellationTokenSource _exited = new();

    /// <summary>Cancelled at the first read that found the process gone.</summary>
    public CancellationToken Exited => _exited.Token;

    public string DisplayName => _inner.DisplayName;

    public bool IsThreadSafe => _inner.IsThreadSafe;

    public OSPlatform TargetPlatform => _inner.TargetPlatform;

    public Architecture Architecture => _inner.Architecture;

    public int ProcessId => _inner.ProcessId;

    public int PointerSize => _inner.PointerSize;

    public IEnumerable<ModuleInfo> EnumerateModules() => _inner.EnumerateModules();

    public bool GetThreadContext(uint threadID, uint contextFlags, Span<byte> context) => _inner.GetThreadContext(threadID, contextFlags, context);

    public void FlushCachedData() => _inner.FlushCachedData();

    public IEnumerable<uint> EnumerateOSThreadIds() => _inner is IThreadReader threads ? threads.EnumerateOSThreadIds() : [];

    public ulong GetThreadTeb(uint osThreadId) => _inner is IThreadReader threads ? threads.GetThreadTeb(osThreadId) : 0;

    public int Read(ulong address, Span<byte> buffer)
    {
        try
        {
            return _inner.Read(address, buffer);
        }
        catch (InvalidOperationException)
        {
            _exited.Cancel();
            return 0;
        }
    }

    public bool Read<T>(ulong address, out T value)
        where T : unmanaged
    {
        value = default;
        return Read(address, MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1))) == System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
    }

    public T Read<T>(ulong address)
        where T : unmanaged => Read(address, out T value) ? value : default;

    public bool ReadPointer(ulong address, out ulong value)
    {
        value = 0;
        Span<byte> bytes = stackalloc byte[8];
        int size = PointerSize;
        if (Read(address, bytes[..size]) != size)
        {
            return false;
        }
        value = size == 4 ? BitConverter.ToUInt32(bytes) : BitConverter.ToUInt64(bytes);
        return true;
    }

    public ulong ReadPointer(ulong address) => ReadPointer(address, out ulong value) ? value : 0;

    public void Dispose()
    {
        attached.Dispose();
        _exited.Dispose();
    }
}
