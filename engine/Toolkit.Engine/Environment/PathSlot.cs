namespace Toolkit.Engine.Environments;

/// <summary>Which of the action's paths a template segment stands for.</summary>
internal enum PathSlot : byte
{
    /// <summary>Not a path: literal text.</summary>
    None = 0,
    /// <summary>$TARGET: the first target.</summary>
    Target = 1,
    /// <summary>$TARGETS: all targets, space-separated.</summary>
    Targets = 2,
    /// <summary>$SOURCE: the first source.</summary>
    Source = 3,
    /// <summary>$SOURCES: all sources, space-separated.</summary>
    Sources = 4,
}
