using Bogus;
using Bogus.DataSets;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The words a project's names and comments are made of, drawn once from Bogus's Hacker and
/// Lorem data sets with a Randomizer seeded from the project seed. Per-directory fakers pick
/// from these arrays: a Bogus data-set call looks its word up in the locale data (3 to 35 us,
/// measured), an array pick costs well under a microsecond, and at a million sources that is
/// the difference between a minute and a few seconds of CPU.
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>Distinct-enough words per list: Bogus has about 25 hacker nouns, 20 verbs and 180 lorem words.</summary>
    private const int HackerWords = 64;

    /// <summary>Lorem words drawn: covers most of Bogus's lorem list.</summary>
    private const int LoremWordCount = 256;

    public Vocabulary(int seed)
    {
        var random = new Randomizer(seed);
        var hacker = new Hacker { Random = random };
        var lorem = new Lorem { Random = random };
        Verbs = Draw(HackerWords, () => CName.From(hacker.Verb()));
        Nouns = Draw(HackerWords, () => CName.From(hacker.Noun()));
        LoremWords = Draw(LoremWordCount, () => lorem.Word());
        Identifiers = Draw(HackerWords, () => CName.From(lorem.Word()));
    }

    /// <summary>Hacker verbs as identifier pieces ("back_up", "parse").</summary>
    public string[] Verbs { get; }

    /// <summary>Hacker nouns as identifier pieces ("hard_drive", "protocol").</summary>
    public string[] Nouns { get; }

    /// <summary>Lorem words for comments.</summary>
    public string[] LoremWords { get; }

    /// <summary>Lorem words as identifier pieces (large-file names).</summary>
    public string[] Identifiers { get; }

    private static string[] Draw(int count, Func<string> next)
    {
        var words = new string[count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = next();
        }

        return words;
    }
}
