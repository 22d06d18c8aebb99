namespace Toolkit.Engine.Environments;

/// <summary>One piece of a compiled template: literal text, or one of the action's path slots.</summary>
internal readonly record struct TemplateSegment(string Text, PathSlot Slot);
