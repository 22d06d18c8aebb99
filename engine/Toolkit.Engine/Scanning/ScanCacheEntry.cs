using Toolkit.Engine.FileSystem;

namespace Toolkit.Engine.Scanning;

/// <summary>One entry of an <see cref="IScanCache"/>: a file, the stamp it had when parsed, and its directives.</summary>
public readonly record struct ScanCacheEntry(string Path, FileStamp Stamp, IncludeDirective[] Directives);
