using System.Collections;
using System.Text;

namespace Toolkit.SizerTarget;

/// <summary>Builds one object of every kind the agreement test covers.</summary>
internal static class Specimens
{
    public static object[] Build()
    {
        var dir = new LookAlikeNode(0, "src", LookAlikeKind.Source);
        var a = new LookAlikeNode(1, "src/a.c", LookAlikeKind.Source) { Directory = dir };
        var h = new LookAlikeNode(2, "src/a.h", LookAlikeKind.Header) { Directory = dir };
        var o = new LookAlikeNode(3, "build/a.o", LookAlikeKind.Object) { Directory = dir, State = LookAlikeState.Built, Depends = [h] };
        o.Sources.Add(a);
        o.Signature = new LookAlikeSignature { Algorithm = 1, Low = 42, Flags = 3, Text = "md5:abc" };
        var exec = new LookAlikeExecutor
        {
            Targets = [o],
            Sources = [a],
            Command = "cc -c -o build/a.o src/a.c",
            Environment = new Dictionary<string, string> { ["CC"] = "cc", ["CFLAGS"] = "-O2" },
            Action = x => x + 1,
        };
        o.Executor = exec;
        int[,] grid = new int[3, 5];
        grid[1, 2] = 7;

        return
        [
            dir, a, h, o, exec,
            new object(),
            new PaddedValue { Flag = true, Value = 1.5, Small = 2 },
            new LookAlikeSignature { Algorithm = 2, Text = "boxed" },
            42, 7L, 'x', true, 3.25, 1.5m, LookAlikeKind.Program, (byte)9, Guid.Empty,
            "", "a", "hello, sizer", new string('z', 1000),
            Array.Empty<int>(), new byte[] { 1, 2, 3 }, new int[] { 1, 2, 3, 4, 5 }, new long[7], new double[3], new bool[9], new char[5],
            new short[3], new decimal[2], new string[] { "x", "y", null! }, new object[] { 1, "two", null!, dir },
            new LookAlikeNode[] { a, h }, new PaddedValue[4], new LookAlikeSignature[] { new() { Text = "s0" }, new() { Text = "s1" } },
            grid, new int[][] { [1], [2, 3] }, new byte[100_000],
            new GenericPair<int, string>(1, "one"), new GenericPair<byte, byte>(1, 2), new GenericPair<object, LookAlikeNode>(new object(), a),
            new List<int> { 1, 2, 3 }, new List<string> { "p", "q" }, new List<LookAlikeNode> { a, h, o },
            new Dictionary<int, string> { [1] = "a", [2] = "b" }, new Dictionary<string, LookAlikeNode> { ["a"] = a },
            new HashSet<string> { "h1", "h2" }, new Queue<int>([1, 2]), new Stack<string>(["s"]), new LinkedList<int>([1, 2, 3]),
            new SortedDictionary<string, int> { ["k"] = 1 }, new ArrayList { 1, "x" }, new StringBuilder("builder"),
            (1, "tuple"), Tuple.Create(1, "reftuple"), new KeyValuePair<string, int>("kv", 1),
            (Func<int, int>)(x => x * 2), new Version(1, 2, 3), new Uri("http://example.invalid/x"),
        ];
    }
}
