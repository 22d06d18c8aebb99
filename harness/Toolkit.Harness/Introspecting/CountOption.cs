using Toolkit.Harness.Commands;

namespace Toolkit.Harness.Introspecting;

/// <summary>Checks a count option of the heap verbs (<c>--top</c>, <c>--depth</c>).</summary>
public static class CountOption
{
    /// <summary><paramref name="value"/> when not negative; else a usage error naming <paramref name="option"/>.</summary>
    public static int Top(int value, string option) =>
        value >= 0 ? value : throw new UsageException($"{option} must not be negative (got {value})");
}
