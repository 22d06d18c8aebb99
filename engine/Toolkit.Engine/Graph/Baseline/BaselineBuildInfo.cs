using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Graph.Baseline;

/// <summary>
/// SCons's BuildInfo as a first port keeps it after the build: the command line, and every
/// signature as a hex string in a list (bsourcesigs, bdependsigs, bimplicitsigs).
/// </summary>
public sealed class BaselineBuildInfo
{
    /// <summary>Creates it from the engine's form.</summary>
    public BaselineBuildInfo(BuildInfo info)
    {
        CommandLine = info.CommandLine;
        ActionSignature = info.ActionSignature.ToHex();
        BuildSignature = info.BuildSignature.ToHex();
        DependencySignatures = new List<string>(info.DependencySignatures.Length);
        foreach (var signature in info.DependencySignatures)
        {
            DependencySignatures.Add(signature.ToHex());
        }
    }

    /// <summary>The command line.</summary>
    public string CommandLine { get; }

    /// <summary>Action signature in hex.</summary>
    public string ActionSignature { get; }

    /// <summary>Build signature in hex.</summary>
    public string BuildSignature { get; }

    /// <summary>Dependency signatures in hex.</summary>
    public List<string> DependencySignatures { get; }

    /// <summary>Back to the engine's form.</summary>
    public BuildInfo ToBuildInfo() => new(
        CommandLine,
        ContentSignature.ParseHex(ActionSignature),
        ContentSignature.ParseHex(BuildSignature),
        DependencySignatures.Select(hex => ContentSignature.ParseHex(hex)).ToArray());
}
