using System.Runtime.CompilerServices;
using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>Field layouts: real offsets, padding and the ideal ordering's saving.</summary>
public sealed class TypeLayoutTests
{
    [Fact]
    public void A_sequential_struct_shows_its_padding_and_what_reordering_saves()
    {
        var layout = TypeLayout.Of(typeof(Padded));
        Assert.Equal(24, layout.InstanceSize);
        Assert.Equal([0, 8, 16], layout.Fields.Select(f => f.Offset));
        Assert.Equal(7 + 6, layout.PaddingBytes);
        Assert.Equal(16, layout.IdealInstanceSize);
        Assert.Equal(8, layout.ReorderSaving);
        Assert.Contains("[padding]", layout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_layout_matches_its_heap_size_and_the_reported_offsets_are_real()
    {
        var layout = TypeLayout.Of(typeof(Mixed));
        Assert.Equal(32, layout.InstanceSize);
        Assert.Equal(ObjectSizer.ShallowSize(new Mixed()), layout.InstanceSize);
        Assert.Equal(6, layout.PaddingBytes);
        Assert.Equal(0, layout.ReorderSaving);

        // Write through the fields, read back at the reported offsets (offsets count from the method-table pointer).
        var m = new Mixed { A = 0x11, B = 0x2233445566778899, C = 0x77 };
        Assert.Equal(0x11, Read<byte>(m, layout, "A"));
        Assert.Equal(0x77, Read<byte>(m, layout, "C"));
        Assert.Equal(0x2233445566778899, Read<long>(m, layout, "B"));
    }

    private static T Read<T>(object o, TypeLayout layout, string field)
        where T : unmanaged
    {
        ref byte data = ref Unsafe.As<StrongBox<byte>>(o).Value;
        return Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref data, layout.Fields.Single(f => f.Name == field).Offset - IntPtr.Size));
    }

    [Fact]
    public void Embedded_structs_and_bad_types()
    {
        var layout = TypeLayout.Of(typeof(HasNamed));
        Assert.Equal(ObjectSizer.ShallowSize(new HasNamed()), layout.InstanceSize);
        Assert.Contains(layout.Fields, f => f.Name == "Inner" && f.Size == 16);
        Assert.Throws<ArgumentException>(() => TypeLayout.Of(typeof(int[])));
        Assert.Throws<ArgumentException>(() => TypeLayout.Of(typeof(string)));
        Assert.Throws<ArgumentException>(() => TypeLayout.Of(typeof(List<>)));
    }
}
