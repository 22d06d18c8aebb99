using System.Runtime.CompilerServices;

namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>An inline array of three references: one declared field, repeated three times.</summary>
[InlineArray(3)]
internal struct ThreeStrings
{
    private string? _element;
}
