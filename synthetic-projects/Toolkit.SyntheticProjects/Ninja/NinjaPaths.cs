namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>Paths as ninja keeps them (src/util.cc CanonicalizePath), and as a shell command line spells them (GetShellEscapedString).</summary>
internal static class NinjaPaths
{
    /// <summary>
    /// Removes '.' components and empty ones (a doubled '/'), and folds 'x/..' away, textually as
    /// ninja does (a leading '..' stays; an absolute path stays absolute); "" stays "" and a path
    /// that folds to nothing is ".".
    /// </summary>
    public static string Canonical(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        if (path[0] != '.' && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.EndsWith('/'))
        {
            return path;
        }

        var absolute = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !absolute)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>A path as $in and $out spell it: as written when every character is shell-safe, else in single quotes.</summary>
    public static string ShellEscaped(string path)
    {
        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '.' or '/'))
            {
                return "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            }
        }

        return path;
    }
}
