using System.Text;
using Bogus;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The random source of one directory or file: a Bogus Randomizer seeded from the project seed
/// and the directory's index (never the global Randomizer.Seed), picking from the project's
/// Bogus-drawn <see cref="Vocabulary"/>, so directories generate in parallel and still
/// deterministically. Used instead of <c>new Faker { Random = ... }</c> because a Faker builds a
/// whole fake Person in its constructor and again when its Random is set (about 8 ms each,
/// measured): at 10,000 directories that alone was 80 s of CPU.
/// </summary>
internal sealed class SeededFaker(int seed, Vocabulary vocabulary)
{
    /// <summary>The seeded random source.</summary>
    public Randomizer Random { get; } = new(seed);

    /// <summary>A hacker verb as an identifier piece.</summary>
    public string Verb() => Pick(vocabulary.Verbs);

    /// <summary>A hacker noun as an identifier piece.</summary>
    public string Noun() => Pick(vocabulary.Nouns);

    /// <summary>A lorem word as an identifier piece.</summary>
    public string Identifier() => Pick(vocabulary.Identifiers);

    /// <summary>A lorem sentence of <paramref name="count"/> words.</summary>
    public string Sentence(int count)
    {
        var text = new StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            var word = Pick(vocabulary.LoremWords);
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

    private string Pick(string[] words) => words[Random.Number(words.Length - 1)];
}
