using System.Collections;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// A read-only list whose items are computed on demand from their index. Saves holding a
/// million link inputs as strings: each path is built when a writer asks for it and dropped
/// after; costs one string allocation per access.
/// </summary>
internal sealed class ComputedList(int count, Func<int, string> item) : IReadOnlyList<string>
{
    public int Count => count;

    public string this[int index] =>
        (uint)index < (uint)count ? item(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return item(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
