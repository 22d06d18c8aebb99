namespace Toolkit.SizerTarget;

/// <summary>Listens to <see cref="Leaks.Changed"/>; subscribed and never unsubscribed, the static event keeps it alive.</summary>
internal sealed class LeakListener
{
    public int Seen;

    public void OnChanged(object? sender, EventArgs e) => Seen++;
}
