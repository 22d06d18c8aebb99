using System.Text;

namespace Toolkit.Introspection.Tracking;

/// <summary>Where a reader is in a JSON document (<c>snapshots[3].types[0].bytes</c>), kept as a stack of frames and rendered only for an error message.</summary>
internal sealed class JsonPath
{
    private readonly List<(string Name, int Index)> _frames = [];

    public void Push(string name) => _frames.Add((name, -1));

    /// <summary>Sets the array index of the innermost frame.</summary>
    public void Index(int index) => _frames[^1] = (_frames[^1].Name, index);

    public void Pop() => _frames.RemoveAt(_frames.Count - 1);

    public override string ToString()
    {
        if (_frames.Count == 0)
        {
            return "the top level";
        }

        var sb = new StringBuilder();
        foreach (var (name, index) in _frames)
        {
            sb.Append(sb.Length == 0 ? "" : ".").Append(name);
            if (index >= 0)
            {
                sb.Append('[').Append(index).Append(']');
            }
        }

        return sb.ToString();
    }
}
