using System.CommandLine;
using Toolkit.Optimizations;

namespace Toolkit.Harness.Commands;

/// <summary>The arguments and options of <see cref="BuildVerb"/>, in the order its help lists them.</summary>
internal sealed class BuildVerbOptions
{
    public BuildVerbOptions(VariantFactory variants)
    {
        Tree.AcceptOnlyFromAmong("all", "prune");
        ScanMode.AcceptOnlyFromAmong("conservative", "exact");
        Variant = new Option<string>("--variant") { Description = $"The memory variant: {string.Join(", ", variants.Names)}", DefaultValueFactory = _ => "baseline" };
        Variant.Validators.Add(BuildVerb.VariantValidator(variants));
    }

    public Argument<DirectoryInfo> Directory { get; } = UserPaths.ProjectArgument();

    public Argument<string[]> Targets { get; } = new("targets") { Description = "Targets or aliases to build (default: the manifest's defaults)", Arity = ArgumentArity.ZeroOrMore };

    public Option<int> Jobs { get; } = EngineOptions.Jobs();

    public Option<bool> DryRun { get; } = EngineOptions.DryRun("Print what would run; change nothing");

    public Option<bool> KeepGoing { get; } = EngineOptions.KeepGoing();

    public Option<bool> Wait { get; } = new("--wait") { Description = "When another build of the project is running, wait for it to finish instead of failing" };

    public Option<string?> Tree { get; } = new("--tree") { Description = "After the build, print the dependency tree: all, or prune (each subtree once)" };

    public Option<bool> RealTools { get; } = new("--real-tools") { Description = "Run the real commands (cc, ar) instead of the built-in deterministic tool" };

    public Option<bool> Silent { get; } = new("--silent", "-s") { Description = "Do not print command lines" };

    public Option<string?> ScanMode { get; } = new("--scan-mode") { Description = "The include scanner: conservative (every #if branch counts, as SCons) or exact (the preprocessor evaluated as the compiler does); default: the manifest's TOOLKIT_SCAN, else conservative" };

    public Option<bool> NoDependencyLog { get; } = EngineOptions.NoDependencyLog();

    public Option<string> Variant { get; }

    /// <summary>Every symbol, in help order.</summary>
    public IEnumerable<Symbol> Symbols => [Directory, Targets, Jobs, DryRun, KeepGoing, Wait, Tree, RealTools, Silent, ScanMode, NoDependencyLog, Variant];
}
