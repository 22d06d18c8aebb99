using Toolkit.Engine.Build;
using Toolkit.Optimizations;
using Toolkit.Optimizations.Slots;
using Toolkit.Optimizations.WeakReferences;

namespace Toolkit.Harness.Tests.Variants;

/// <summary>
/// A variant that exists only in tests, made the way a new variant is made: one class (here a real
/// composition, the slots store with a weak scan cache released after loading, so that it builds
/// correctly), listed in a factory. Counts the settings it makes, so a test can see it was used.
/// </summary>
public sealed class TestOnlyVariant : IMemoryVariant
{
    /// <summary>The variant's name.</summary>
    public const string VariantName = "test-only-slots-weak-cache";

    private int _settingsMade;

    /// <summary>How many times <see cref="CreateSettings"/> ran.</summary>
    public int SettingsMade => Volatile.Read(ref _settingsMade);

    /// <inheritdoc />
    public string Name => VariantName;

    /// <inheritdoc />
    public string Summary => "Test only: the slots store with a weak scan cache released after loading.";

    /// <inheritdoc />
    public TechniqueDescription? Technique { get; } = new()
    {
        Title = "Test only: slots with a weak scan cache",
        Idea = "A variant added in a test, to show that listing it in a factory is all it takes.",
        WhenToUse = "- Never: it exists for a test.",
        WhenNot = "- Always.",
        After = SourceRegion.Variant("Slots/SlotsNode.cs", "slots"),
    };

    /// <inheritdoc />
    public EngineSettings CreateSettings()
    {
        Interlocked.Increment(ref _settingsMade);
        return new EngineSettings
        {
            StoreFactory = root => new SlotsNodeStore(root),
            ScanCacheFactory = () => new WeakScanCache(),
            ReleaseScannerAfterLoad = true,
        };
    }
}
