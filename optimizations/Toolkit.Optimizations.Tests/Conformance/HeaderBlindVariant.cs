using Toolkit.Engine.Build;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Signatures;

namespace Toolkit.Optimizations.Tests.Conformance;

/// <summary>A deliberately wrong variant for the suite's own test: its hasher gives every header the same signature, so a header edit rebuilds nothing.</summary>
internal sealed class HeaderBlindVariant : IMemoryVariant
{
    public string Name => "header-blind";

    public string Summary => "Test only: ignores header contents.";

    public TechniqueDescription? Technique => null;

    public EngineSettings CreateSettings() => new() { Hasher = new BlindHasher() };

    private sealed class BlindHasher : IContentHasher
    {
        private readonly Md5ContentHasher _md5 = new();

        public string Name => "header-blind";

        public ContentSignature HashFile(IFileSystem fileSystem, string path) =>
            path.EndsWith(".h", StringComparison.Ordinal) ? new ContentSignature(1, 1) : _md5.HashFile(fileSystem, path);

        public ContentSignature HashBytes(ReadOnlySpan<byte> data) => _md5.HashBytes(data);
    }
}
