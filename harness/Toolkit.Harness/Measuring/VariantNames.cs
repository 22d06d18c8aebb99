using Toolkit.Optimizations;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// Checks variant names a user gave against the one list (<see cref="VariantFactory.Names"/>) before
/// anything is generated or measured, so an unknown name is a user's error and not the factory's
/// ArgumentException.
/// </summary>
public static class VariantNames
{
    /// <summary>Null when every name is a variant; otherwise the message naming the first unknown one and the valid ones.</summary>
    public static string? FindUnknown(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var valid = VariantFactory.Names;
        var unknown = names.FirstOrDefault(name => !valid.Contains(name, StringComparer.Ordinal));
        return unknown is null ? null : $"unknown variant '{unknown}'; valid variants: {string.Join(", ", valid)}";
    }
}
