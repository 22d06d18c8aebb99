namespace Toolkit.Harness.Reporting.Excerpts;

/// <summary>Where the source files that excerpts are cut from come from.</summary>
public interface IExcerptSource
{
    /// <summary>The text of a repository-relative file, or null when it is not available.</summary>
    string? ReadFile(string file);
}
