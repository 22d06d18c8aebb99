using Toolkit.Harness.Reporting.Excerpts;

namespace Toolkit.Harness.Reporting.Techniques;

/// <summary>
/// The prose of one optimization's page, written once by a person: the idea, when to use it and
/// when not. Everything measured (savings, costs, the verdict) comes from the data, never from here.
/// </summary>
public interface ITechnique
{
    /// <summary>The variant's name in results ("slots").</summary>
    string Variant { get; }

    /// <summary>The page's title.</summary>
    string Title { get; }

    /// <summary>The figure the technique is judged by.</summary>
    MemoryMetric Metric { get; }

    /// <summary>The idea, in a paragraph or two of markdown.</summary>
    string Idea { get; }

    /// <summary>When the technique pays, as markdown bullet lines.</summary>
    string WhenToUse { get; }

    /// <summary>When it does not, as markdown bullet lines.</summary>
    string WhenNot { get; }

    /// <summary>The baseline code the technique replaces.</summary>
    ExcerptRef Before { get; }

    /// <summary>The technique's own code (region named after the variant).</summary>
    ExcerptRef After { get; }
}
