using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Graph;

/// <summary>
/// What SCons's BuildInfo records about how a target was built in this run: the command line,
/// its signature, and the signature of every dependency that went into the decision. Kept for
/// explanation (--debug=explain) and for the tree; not needed by the database, so a store may
/// release it once the node is built.
/// </summary>
public sealed class BuildInfo
{
    /// <summary>Creates build info.</summary>
    public BuildInfo(string commandLine, ContentSignature actionSignature, ContentSignature buildSignature, ContentSignature[] dependencySignatures)
    {
        CommandLine = commandLine;
        ActionSignature = actionSignature;
        BuildSignature = buildSignature;
        DependencySignatures = dependencySignatures;
    }

    /// <summary>The substituted command line of the action.</summary>
    public string CommandLine { get; }

    /// <summary>Signature of <see cref="CommandLine"/>.</summary>
    public ContentSignature ActionSignature { get; }

    /// <summary>Signature over the action signature and every dependency signature, in order.</summary>
    public ContentSignature BuildSignature { get; }

    /// <summary>Content signatures of sources, explicit and implicit dependencies, in that order.</summary>
    public ContentSignature[] DependencySignatures { get; }
}
