using Toolkit.Introspection.Sizing;

namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>Shallow and deep sizes of graphs computed by hand (64-bit layout).</summary>
public sealed class ObjectSizerTests
{
    [Fact]
    public void Shallow_sizes_match_hand_computed_layouts()
    {
        Assert.Equal(24, ObjectSizer.ShallowSize(new object()));
        Assert.Equal(32, ObjectSizer.ShallowSize(new Link()));          // 16 + 8 + 4 -> 32
        Assert.Equal(32, ObjectSizer.ShallowSize(new TwoLongs()));
        Assert.Equal(32, ObjectSizer.ShallowSize(new Mixed()));
        Assert.Equal(32, ObjectSizer.ShallowSize("abc"));          // 22 (with the terminator) + 3*2 = 28 -> 32
        Assert.Equal(24, ObjectSizer.ShallowSize(""));             // 22 -> 24
        Assert.Equal(64, ObjectSizer.ShallowSize(new int[10]));    // 24 + 40
        Assert.Equal(48, ObjectSizer.ShallowSize(new object[3]));  // 24 + 24
        Assert.Equal(32, ObjectSizer.ShallowSize(new byte[1]));    // 24 + 1 -> 32
        Assert.Equal(40, ObjectSizer.ShallowSize(new Padded()));   // boxed: 16 + 24
        Assert.Equal(24, ObjectSizer.ShallowSize(5));              // boxed int: 16 + 4 -> 24
        Assert.Equal(28, ObjectSizer.UnalignedSize("abc"));
    }

    [Fact]
    public void Deep_size_of_a_chain_and_of_a_cycle()
    {
        var c = new Link { Value = 3 };
        var b = new Link { Next = c };
        var a = new Link { Next = b };
        Assert.Equal(96, ObjectSizer.DeepSize(a));
        c.Next = a;
        var r = ObjectSizer.Measure(a);
        Assert.Equal(96, r.TotalBytes);
        Assert.Equal(3, r.ObjectCount);
        Assert.Equal(new TypeSizeEntry(typeof(Link), 3, 96), Assert.Single(r.ByType));
    }

    [Fact]
    public void Deep_size_of_a_list_of_strings_counts_list_array_and_strings_once()
    {
        string shared = "abc";
        var list = new List<string>(4) { shared, shared, "de" };
        // List<T>: 16 + _items, _size, _version (8+4+4) = 32; string[4] = 24 + 32 = 56; "abc" 32; "de" = 22 + 4 -> 32.
        long expected = 32 + 56 + 32 + 32;
        Assert.Equal(32, ObjectSizer.ShallowSize(list));
        Assert.Equal(expected, ObjectSizer.DeepSize(list));
        Assert.Equal(4, ObjectSizer.Measure(list).ObjectCount);
    }

    [Fact]
    public void Struct_references_are_followed_in_fields_and_in_struct_arrays()
    {
        var holder = new HasNamed { Inner = new Named { Id = 1, Name = "abc" } };
        Assert.Equal(ObjectSizer.ShallowSize(holder) + 32, ObjectSizer.DeepSize(holder));
        var array = new Named[] { new() { Name = "abc" }, new() { Name = "xy" }, new() };
        Assert.Equal(24 + (3 * 16), ObjectSizer.ShallowSize(array));
        Assert.Equal(72 + 32 + 32, ObjectSizer.DeepSize(array));
        var md = new string[2, 2];
        md[1, 1] = "abc";
        Assert.Equal(ObjectSizer.ShallowSize(md) + 32, ObjectSizer.DeepSize(md));
    }

    [Fact]
    public void Every_element_of_an_inline_array_is_followed()
    {
        var holder = new HasInline();
        holder.Items[0] = "abc";
        holder.Items[2] = "de";
        Assert.Equal(40, ObjectSizer.ShallowSize(holder));
        Assert.Equal(40 + 32 + 32, ObjectSizer.DeepSize(holder));
    }

    [Fact]
    public void Exclusions_by_object_and_by_type_and_the_depth_limit()
    {
        var c = new Link();
        var b = new Link { Next = c };
        var a = new Link { Next = b };
        Assert.Equal(32, ObjectSizer.Measure(a, new DeepSizeOptions { ExcludedObjects = [b] }).TotalBytes);
        Assert.Equal(0, ObjectSizer.Measure(a, new DeepSizeOptions { ExcludedTypes = [typeof(Link)] }).TotalBytes);
        var list = new List<object> { "abc", new TwoLongs() };
        var noStrings = ObjectSizer.Measure(list, new DeepSizeOptions { ExcludedTypes = [typeof(string)] });
        Assert.DoesNotContain(noStrings.ByType, e => e.Type == typeof(string));
        Assert.Contains(noStrings.ByType, e => e.Type == typeof(TwoLongs));

        var depth1 = ObjectSizer.Measure(a, new DeepSizeOptions { MaxDepth = 1 });
        Assert.Equal(64, depth1.TotalBytes);
        Assert.True(depth1.DepthLimitHit);
        Assert.Equal(32, ObjectSizer.Measure(a, new DeepSizeOptions { MaxDepth = 0 }).TotalBytes);
        Assert.False(ObjectSizer.Measure(a, new DeepSizeOptions { MaxDepth = 2 }).DepthLimitHit);
    }

    [Fact]
    public void A_million_objects_are_sized_exactly()
    {
        const int N = 1_000_000;
        var items = new Link[N];
        for (int i = 0; i < N; i++)
        {
            items[i] = new Link { Next = i > 0 ? items[i - 1] : null };
        }

        var r = ObjectSizer.Measure(items);
        Assert.Equal(N + 1, r.ObjectCount);
        Assert.Equal((32L * N) + 24 + (8L * N), r.TotalBytes);
    }
}
