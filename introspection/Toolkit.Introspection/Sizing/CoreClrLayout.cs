namespace Toolkit.Introspection.Sizing;

/// <summary>
/// The sizer reads CoreCLR's own type data: the MethodTable's base and component sizes and the field
/// offsets in FieldDescs. NativeAOT lays these out differently, so before the first use the sizer
/// checks a type whose layout it knows; a runtime that disagrees gets a
/// <see cref="PlatformNotSupportedException"/> instead of wrong sizes. Costs one check per process.
/// </summary>
internal static class CoreClrLayout
{
    private static readonly bool Supported = Check();

    public static void EnsureSupported()
    {
        if (!Supported)
        {
            throw new PlatformNotSupportedException(
                "Toolkit.Introspection's sizer and tracker read CoreCLR's type layout, which this runtime does not have (NativeAOT?): run on CoreCLR " +
                "(dotnet run, framework-dependent or self-contained publishing, or a one-file app with #:property PublishAot=false for publishing). Saved stats load and render anywhere.");
        }
    }

    private static bool Check()
    {
        try
        {
            // CoreCLR puts the long first and the byte after it: 8-byte header + 8-byte method table + 16 bytes of fields.
            var b = typeof(Probe).GetField(nameof(Probe.B))!;
            var a = typeof(Probe).GetField(nameof(Probe.A))!;
            return MethodTable.BaseSize(typeof(Probe).TypeHandle.Value) == 32
                && FieldOffsets.OffsetOf(b) == 0 && FieldOffsets.OffsetOf(a) == 8
                && MethodTable.SizeOf("abc", MethodTable.Of("abc")) == 32;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or NullReferenceException)
        {
            return false;
        }
    }

    private sealed class Probe(byte a, long b)
    {
        public byte A = a;
        public long B = b;

        public override string ToString() => $"{A} {B}";
    }
}
