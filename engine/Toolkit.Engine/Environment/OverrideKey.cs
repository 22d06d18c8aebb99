namespace Toolkit.Engine.Environments;

/// <summary>
/// Identifies an override set for deduplication: the parent environment and the overrides,
/// sorted by name with later duplicates winning, compared by ordinal value.
/// </summary>
internal readonly struct OverrideKey : IEquatable<OverrideKey>
{
    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly int _hash;

    /// <summary>Creates a key from pairs already sorted and deduplicated by name.</summary>
    public OverrideKey(int parentId, KeyValuePair<string, string>[] sortedPairs)
    {
        ParentId = parentId;
        _pairs = sortedPairs;
        var hash = new HashCode();
        hash.Add(parentId);
        foreach (var pair in sortedPairs)
        {
            hash.Add(pair.Key, StringComparer.Ordinal);
            hash.Add(pair.Value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The parent environment's id.</summary>
    public int ParentId { get; }

    /// <summary>The overrides, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>
    /// Sorts and deduplicates overrides (a later value for the same name wins) into one new array.
    /// Override sets are a few pairs, so a stable insertion sort beats a dictionary here.
    /// </summary>
    public static KeyValuePair<string, string>[] Normalize(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var pairs = overrides.ToArray();

        // Names are few and repeat on every statement (an imported build.ninja's COMMAND): one string each.
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new KeyValuePair<string, string>(string.Intern(pairs[i].Key), pairs[i].Value);
        }

        for (var i = 1; i < pairs.Length; i++)
        {
            var current = pairs[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(pairs[j].Key, current.Key) > 0)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = current;
        }

        var kept = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            var isLastOfName = i + 1 == pairs.Length || !string.Equals(pairs[i].Key, pairs[i + 1].Key, StringComparison.Ordinal);
            if (isLastOfName)
            {
                pairs[kept++] = new KeyValuePair<string, string>(pairs[i].Key, pairs[i].Value.Trim());
            }
        }

        if (kept != pairs.Length)
        {
            Array.Resize(ref pairs, kept);
        }

        return pairs;
    }

    /// <inheritdoc />
    public bool Equals(OverrideKey other)
    {
        if (ParentId != other.ParentId || _hash != other._hash || _pairs.Length != other._pairs.Length)
        {
            return false;
        }

        for (var i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.Ordinal)
                || !string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OverrideKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;
}
