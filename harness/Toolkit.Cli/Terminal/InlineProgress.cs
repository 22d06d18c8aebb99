namespace Toolkit.Harness.Terminal;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back on the reporting thread (the framework's Progress
/// posts to a synchronization context, which a console has not, so reports would arrive late).
/// </summary>
public sealed class InlineProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;

    /// <summary>Creates it.</summary>
    public InlineProgress(Action<T> report)
    {
        _report = report;
    }

    /// <inheritdoc />
    public void Report(T value) => _report(value);
}
