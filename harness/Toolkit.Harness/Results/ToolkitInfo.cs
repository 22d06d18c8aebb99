namespace Toolkit.Harness.Results;

/// <summary>The toolkit that measured.</summary>
public sealed record ToolkitInfo(string Version, string GitCommit);
