namespace Toolkit.Engine.Actions;

/// <summary>How an action ended; <see cref="Error"/> says why it failed, in the tool's words.</summary>
public readonly record struct ActionOutcome(bool Succeeded, string? Error)
{
    /// <summary>Success.</summary>
    public static ActionOutcome Success => new(true, null);

    /// <summary>A failure with a message.</summary>
    public static ActionOutcome Failure(string error) => new(false, error);
}
