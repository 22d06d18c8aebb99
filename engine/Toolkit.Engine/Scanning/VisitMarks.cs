namespace Toolkit.Engine.Scanning;

/// <summary>
/// A reusable visited set for one thread's walks: a mark array indexed by node id, holding the
/// number of the walk that last visited each node. Starting a walk is an increment, not a clear,
/// and nothing is allocated per walk. Costs 4 bytes per node id per thread that scans.
/// </summary>
internal sealed class VisitMarks
{
    // Initial mark-array size; it doubles as ids grow.
    private const int InitialSize = 1024;

    private int[] _marks = new int[InitialSize];
    private int _walk;

    /// <summary>Starts a new walk: every node becomes unvisited.</summary>
    public void NewWalk()
    {
        _walk++;
        if (_walk == int.MaxValue)
        {
            // Wrapped: clear once every two billion walks so old marks cannot alias new walks.
            Array.Clear(_marks);
            _walk = 1;
        }
    }

    /// <summary>Marks <paramref name="id"/> visited; false when it already was in this walk.</summary>
    public bool TryVisit(int id)
    {
        if (id >= _marks.Length)
        {
            Array.Resize(ref _marks, Math.Max(id + 1, _marks.Length * 2));
        }

        if (_marks[id] == _walk)
        {
            return false;
        }

        _marks[id] = _walk;
        return true;
    }
}
