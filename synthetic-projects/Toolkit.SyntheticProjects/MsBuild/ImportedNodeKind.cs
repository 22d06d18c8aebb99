namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>What a ProjectGraph node is, as ProjectGraph tells them apart (ProjectInterpretation.GetProjectType).</summary>
public enum ImportedNodeKind : byte
{
    /// <summary>A project that names one framework (or none): it builds its output itself.</summary>
    Single,

    /// <summary>A multi-targeted project evaluated without a framework: it builds nothing, it dispatches to its inner builds.</summary>
    Outer,

    /// <summary>One framework of a multi-targeted project (the TargetFramework global property set).</summary>
    Inner,
}
