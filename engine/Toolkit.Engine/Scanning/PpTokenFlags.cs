namespace Toolkit.Engine.Scanning;

/// <summary>Per-token flags of the exact scanner. One byte.</summary>
[Flags]
internal enum PpTokenFlags : byte
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>White space (or a comment) came before the token: stringizing and header names keep one space there.</summary>
    SpaceBefore = 1,
    /// <summary>A macro name met while that macro was being expanded ("painted blue"): never expanded again.</summary>
    NoExpand = 2,
}
