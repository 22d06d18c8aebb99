using System.Text;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Turns Bogus words ("hard drive", "back up") into lower-case C identifier and file-name pieces:
/// ASCII letters and digits, runs of anything else become one '_'.
/// </summary>
internal static class CName
{
    /// <summary>The identifier piece for a word; "x" when nothing usable is left.</summary>
    public static string From(string word)
    {
        var text = new StringBuilder(word.Length);
        var pendingUnderscore = false;
        foreach (var c in word)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingUnderscore && text.Length > 0)
                {
                    text.Append('_');
                }

                pendingUnderscore = false;
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, 'x');
        }

        return text.ToString();
    }
}
