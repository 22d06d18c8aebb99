namespace Toolkit.Optimizations;

/// <summary>
/// The one list of memory variants, in the order reports show them (the baseline first), and the way to
/// pick one by name. The CLI's --variant and --variants (help and validation), the scale runs, the
/// scale analysis's order, the pages' technique catalog and the conformance suite are all derived from
/// a factory, so a new variant is one class and one line in <see cref="Default"/>. A factory is
/// immutable: <see cref="With"/> makes a new one (tests add a variant that way, without global state).
/// </summary>
public sealed class VariantFactory
{
    private readonly IMemoryVariant[] _variants;
    private readonly string[] _names;

    /// <summary>Creates a factory over <paramref name="variants"/>: the baseline first, names unique and well-formed.</summary>
    public VariantFactory(IEnumerable<IMemoryVariant> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        _variants = [.. variants];
        _names = [.. _variants.Select(v => v.Name)];
        if (_names.Length == 0 || _names[0] != BaselineVariant.VariantName)
        {
            throw new ArgumentException($"a factory lists '{BaselineVariant.VariantName}' first: every saving is measured against it", nameof(variants));
        }

        foreach (var name in _names)
        {
            if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"variant name '{name}': use lowercase letters, digits and '-'", nameof(variants));
            }
        }

        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
        {
            throw new ArgumentException($"variant names are not unique: {string.Join(", ", _names)}", nameof(variants));
        }
    }

    /// <summary>The project's variants.</summary>
    public static VariantFactory Default { get; } = new(
    [
        new BaselineVariant(),
        new SlotsVariant(),
        new StructOfArraysVariant(),
        new InterningVariant(),
        new LazyInitVariant(),
        new WeakReferencesVariant(),
        new ChunkedHashingVariant(),
        new OptimizedVariant(),
        new MappedVariant(),
    ]);

    /// <summary>Every variant, baseline first.</summary>
    public IReadOnlyList<IMemoryVariant> All => _variants;

    /// <summary>Every variant's name, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The variant with this name; an unknown name is an <see cref="UnknownVariantException"/> listing the valid ones.</summary>
    public IMemoryVariant Get(string name) =>
        Find(name) ?? throw new UnknownVariantException(Unknown(name));

    /// <summary>Null when every name is a variant of this factory; otherwise the message naming the first unknown one and the valid ones.</summary>
    public string? FindUnknown(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unknown = names.FirstOrDefault(name => Find(name) is null);
        return unknown is null ? null : Unknown(unknown);
    }

    /// <summary>The variant with this name, or null.</summary>
    public IMemoryVariant? Find(string name) => Array.Find(_variants, v => string.Equals(v.Name, name, StringComparison.Ordinal));

    /// <summary>A new factory with <paramref name="variant"/> added at the end.</summary>
    public VariantFactory With(IMemoryVariant variant) => new([.. _variants, variant]);

    private string Unknown(string name) => $"unknown variant '{name}'; valid variants: {string.Join(", ", _names)}";
}
