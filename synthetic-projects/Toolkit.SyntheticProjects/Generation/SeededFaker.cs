using Bogus;
using Bogus.DataSets;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The Bogus data sets the generator draws from, all sharing one Randomizer seeded per
/// directory or file (never the global Randomizer.Seed), so directories generate in parallel
/// and still deterministically. Used instead of <c>new Faker { Random = ... }</c> because a
/// Faker builds a whole fake Person in its constructor and again when its Random is set
/// (about 8 ms each, measured): at 10,000 directories that alone was 80 s of CPU. The data
/// sets cost microseconds and draw the same way.
/// </summary>
internal sealed class SeededFaker
{
    private readonly string[] _words;

    /// <summary>A faker drawing comment words from <paramref name="words"/> (the project's Bogus lorem vocabulary).</summary>
    public SeededFaker(int seed, string[] words)
    {
        _words = words;
        Random = new Randomizer(seed);
        Hacker = new Hacker { Random = Random };
        Lorem = new Lorem { Random = Random };
    }

    /// <summary>The seeded random source every data set below draws from.</summary>
    public Randomizer Random { get; }

    /// <summary>Hacker words: nouns and verbs for directory, file and function names.</summary>
    public Hacker Hacker { get; }

    /// <summary>Lorem text for the project vocabulary.</summary>
    public Lorem Lorem { get; }

    /// <summary>
    /// A lorem sentence of <paramref name="count"/> words picked from the project's vocabulary.
    /// Bogus's own Lorem.Sentence looks every word up in its locale data (about 35 us a
    /// sentence, measured); picking from an array drawn once from it is about 30 times faster.
    /// </summary>
    public string Sentence(int count)
    {
        var text = new System.Text.StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            var word = _words[Random.Number(_words.Length - 1)];
            if (i == 0)
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(' ').Append(word);
            }
        }

        return text.Append('.').ToString();
    }
}
