using System.Buffers;
using System.Text;
using Toolkit.Engine.Graph.Stores;

namespace Toolkit.Optimizations.StructOfArrays;

/// <summary>
/// Node paths without a string per node. A node whose path is its directory's path, a '/', and a
/// name (or, under the root ".", just the name) stores only that name, as UTF-8 in a
/// <see cref="ByteArena"/>, and is keyed in a <see cref="NodeIdHashTable"/> by (directory id, name);
/// any other node (the root, nodes without a directory, an alias whose name has a '/') stores its
/// whole path keyed by (-1, path). Paths are rebuilt from the directory chain on demand.
/// Saves the path string (about 60 bytes for "dir_00012/src_0042.c") and the dictionary entry;
/// costs a string allocation per <see cref="GetPath"/> and one probe per path segment in
/// <see cref="Find(string)"/>. Adding is single-threaded; reading is thread-safe once adding has stopped.
/// </summary>
public sealed class PathIndex
{
    /// <summary>Paths up to this many UTF-8 bytes are encoded on the stack, longer ones in a pooled buffer.</summary>
    private const int StackBufferBytes = 512;

    /// <summary>Multiplier that spreads the directory id over the hash (the 32-bit golden ratio).</summary>
    private const uint DirectorySpread = 0x9E3779B1u;

    /// <summary>FNV-1a 32-bit offset basis and prime: byte-wise, cheap, and good on short ASCII names.</summary>
    private const uint FnvOffset = 2166136261u;

    private const uint FnvPrime = 16777619u;

    private const byte Slash = (byte)'/';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ByteArena _names = new();
    private readonly NodeIdHashTable _table = new();
    private readonly Func<int, uint> _hashOf;
    private int[] _directories = [];
    private ulong[] _wholePath = []; // one bit per node: the name is the whole path, keyed by (-1, path)
    private int _root = -1;

    /// <summary>Creates an empty index.</summary>
    public PathIndex()
    {
        _hashOf = HashOfNode;
    }

    /// <summary>Number of nodes.</summary>
    public int Count => _names.Count;

    /// <summary>The root directory's id (the node "." added without a directory), or -1.</summary>
    public int Root => _root;

    /// <summary>Bytes of UTF-8 names held.</summary>
    public int NameBytes => _names.ByteCount;

    /// <summary>Slots of the hash table.</summary>
    public int TableCapacity => _table.Capacity;

    /// <summary>The directory of a node, or -1.</summary>
    public int GetDirectory(int node) => _directories[CheckNode(node)];

    /// <summary>Adds a node with its path and directory; returns its id. A path already present is an error.</summary>
    public int Add(string path, int directory)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Add(path.AsSpan(), directory);
    }

    /// <summary>Adds a node with its path (not a string: a manifest token) and directory; returns its id.</summary>
    public int Add(ReadOnlySpan<char> path, int directory)
    {
        if (directory < -1 || directory >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(directory), directory, $"adding '{path.ToString()}': no directory node {directory} (there are {Count} nodes)");
        }

        byte[]? rented = null;
        var bytes = Encode(path, stackalloc byte[StackBufferBytes], ref rented);
        try
        {
            if (Find(bytes) >= 0)
            {
                throw new ArgumentException($"the path '{path.ToString()}' is already a node", nameof(path));
            }

            var id = Count;
            var relative = RelativeName(bytes, directory);
            var keyDirectory = relative.IsEmpty ? -1 : directory;
            var name = relative.IsEmpty ? bytes : relative;
            _names.Add(name);
            ArrayGrowth.EnsureCapacity(ref _directories, id + 1);
            ArrayGrowth.EnsureCapacity(ref _wholePath, (id >> 6) + 1);
            _directories[id] = directory;
            if (keyDirectory < 0)
            {
                _wholePath[id >> 6] |= 1UL << (id & 63);
            }

            if (_root < 0 && directory < 0 && bytes.SequenceEqual("."u8))
            {
                _root = id;
            }

            _table.Insert(Hash(keyDirectory, name), id, _hashOf);
            return id;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The id of the node with this path, or -1.</summary>
    public int Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Find(path.AsSpan());
    }

    /// <summary>The id of the node with this path, or -1; allocates nothing (the path is encoded on the stack).</summary>
    public int Find(ReadOnlySpan<char> path)
    {
        byte[]? rented = null;
        try
        {
            return Find(Encode(path, stackalloc byte[StackBufferBytes], ref rented));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The node's path as UTF-8 into <paramref name="destination"/>: the byte count, or the count needed negated when it does not fit (no string made).</summary>
    public int CopyPathUtf8(int node, Span<byte> destination)
    {
        CheckNode(node);
        if (IsWholePath(node))
        {
            var whole = _names.Get(node);
            return whole.TryCopyTo(destination) ? whole.Length : -whole.Length;
        }

        var length = -1;
        for (var each = node; each != _root; each = _directories[each])
        {
            length += _names.Get(each).Length + 1;
        }

        if (length > destination.Length)
        {
            return -length;
        }

        var end = length;
        for (var each = node; each != _root; each = _directories[each])
        {
            var name = _names.Get(each);
            end -= name.Length;
            name.CopyTo(destination[end..]);
            if (end > 0)
            {
                destination[--end] = Slash;
            }
        }

        return length;
    }

    /// <summary>The node's path, rebuilt from its directory chain.</summary>
    public string GetPath(int node)
    {
        CheckNode(node);
        if (IsWholePath(node))
        {
            return StrictUtf8.GetString(_names.Get(node));
        }

        var length = -1;
        for (var each = node; each != _root; each = _directories[each])
        {
            length += _names.Get(each).Length + 1;
        }

        byte[]? rented = null;
        Span<byte> buffer = length <= StackBufferBytes ? stackalloc byte[StackBufferBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var end = length;
            for (var each = node; each != _root; each = _directories[each])
            {
                var name = _names.Get(each);
                end -= name.Length;
                name.CopyTo(buffer[end..]);
                if (end > 0)
                {
                    buffer[--end] = Slash;
                }
            }

            return StrictUtf8.GetString(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Cuts every array to the nodes added.</summary>
    public void Trim()
    {
        _names.Trim();
        ArrayGrowth.Trim(ref _directories, Count);
        ArrayGrowth.Trim(ref _wholePath, (Count + 63) >> 6);
    }

    private int Find(ReadOnlySpan<byte> path)
    {
        if (_root >= 0 && !path.SequenceEqual("."u8))
        {
            var current = _root;
            var rest = path;
            while (current >= 0)
            {
                var slash = rest.IndexOf(Slash);
                var segment = slash < 0 ? rest : rest[..slash];
                if (segment.IsEmpty)
                {
                    break;
                }

                current = Lookup(current, segment);
                if (slash < 0)
                {
                    if (current >= 0)
                    {
                        return current;
                    }

                    break;
                }

                rest = rest[(slash + 1)..];
            }
        }

        return Lookup(-1, path);
    }

    private int Lookup(int keyDirectory, ReadOnlySpan<byte> name)
    {
        var slot = _table.StartSlot(Hash(keyDirectory, name));
        while (true)
        {
            var id = _table.IdAt(slot);
            if (id < 0)
            {
                return -1;
            }

            if (KeyDirectory(id) == keyDirectory && _names.Get(id).SequenceEqual(name))
            {
                return id;
            }

            slot = _table.NextSlot(slot);
        }
    }

    // The name relative to the directory when the path is the directory's path + '/' + name and the
    // directory is reachable by segments from the root; empty when the whole path must be kept.
    private ReadOnlySpan<byte> RelativeName(ReadOnlySpan<byte> path, int directory)
    {
        if (directory < 0 || _root < 0 || (directory != _root && IsWholePath(directory)))
        {
            return default;
        }

        var slash = path.LastIndexOf(Slash);
        var name = path[(slash + 1)..];
        if (name.IsEmpty)
        {
            return default;
        }

        if (directory == _root)
        {
            return slash < 0 && !path.SequenceEqual("."u8) ? name : default;
        }

        return slash > 0 && ChainEquals(directory, path[..slash]) ? name : default;
    }

    private bool ChainEquals(int node, ReadOnlySpan<byte> path)
    {
        while (true)
        {
            var name = _names.Get(node);
            if (!path.EndsWith(name))
            {
                return false;
            }

            var rest = path[..^name.Length];
            var parent = _directories[node];
            if (parent == _root)
            {
                return rest.IsEmpty;
            }

            if (rest.IsEmpty || rest[^1] != Slash)
            {
                return false;
            }

            path = rest[..^1];
            node = parent;
        }
    }

    private bool IsWholePath(int node) => (_wholePath[node >> 6] & (1UL << (node & 63))) != 0;

    private int KeyDirectory(int node) => IsWholePath(node) ? -1 : _directories[node];

    private uint HashOfNode(int node) => Hash(KeyDirectory(node), _names.Get(node));

    private static uint Hash(int keyDirectory, ReadOnlySpan<byte> name)
    {
        var hash = FnvOffset ^ ((uint)keyDirectory * DirectorySpread);
        foreach (var b in name)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        // MurmurHash3's finalizer: the table takes the low bits, FNV's low bits alone cluster.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
    }

    private static ReadOnlySpan<byte> Encode(ReadOnlySpan<char> path, Span<byte> stack, ref byte[]? rented)
    {
        int length;
        try
        {
            var maximum = StrictUtf8.GetMaxByteCount(path.Length);
            Span<byte> buffer = maximum <= stack.Length ? stack : (rented = ArrayPool<byte>.Shared.Rent(maximum));
            length = StrictUtf8.GetBytes(path, buffer);
            return buffer[..length];
        }
        catch (EncoderFallbackException exception)
        {
            throw new ArgumentException($"the path '{path.ToString()}' is not valid Unicode (a lone surrogate?)", nameof(path), exception);
        }
    }

    private int CheckNode(int node)
    {
        if ((uint)node >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"no node {node} (there are {Count})");
        }

        return node;
    }
}
