using System.Text;

namespace Toolkit;

/// <summary>
/// The one formatter of type and field names for people, shared by the sizer, the tracker and the
/// reports: C# spelling (<c>List&lt;Node&gt;</c>, <c>Dictionary&lt;String, Node&gt;[]</c>, <c>Outer.Inner</c>),
/// not the runtime's (<c>List`1[Node]</c>), and properties by their names, not their compiler-made
/// backing fields (<c>Path</c>, not <c>&lt;Path&gt;k__BackingField</c>).
/// </summary>
public static class TypeNames
{
    public static string Friendly(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer || type.IsByRef)
        {
            return Friendly(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        string prefix = type.IsNested && !type.IsGenericParameter ? Friendly(type.DeclaringType!) + "." : "";
        if (!type.IsGenericType)
        {
            return prefix + type.Name;
        }

        // A nested type's generic arguments include its declaring type's; show only its own.
        var arguments = type.GetGenericArguments();
        int inherited = type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0;
        if (type.IsNested && type.DeclaringType!.IsGenericTypeDefinition && !type.IsGenericTypeDefinition)
        {
            prefix = Friendly(type.DeclaringType.MakeGenericType(arguments[..inherited])) + ".";
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0)
        {
            return prefix + name;
        }

        var sb = new StringBuilder(prefix).Append(name, 0, tick).Append('<');
        sb.AppendJoin(", ", arguments.Skip(inherited).Select(Friendly));
        return sb.Append('>').ToString();
    }

    /// <summary>
    /// A field's name as the source spells it: an auto-property's backing field <c>&lt;Path&gt;k__BackingField</c>
    /// is <c>Path</c>, a captured primary-constructor parameter <c>&lt;path&gt;P</c> is <c>path</c>; each part of
    /// a dotted path of embedded struct fields (<c>&lt;Signature&gt;k__BackingField.Text</c>) is cleaned.
    /// </summary>
    public static string FieldName(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.Contains('<', StringComparison.Ordinal))
        {
            return field;
        }

        return string.Join('.', field.Split('.').Select(CleanPart));
    }

    private static string CleanPart(string part)
    {
        if (part.Length < 3 || part[0] != '<')
        {
            return part;
        }

        int close = part.IndexOf('>', StringComparison.Ordinal);
        if (close < 0)
        {
            return part;
        }

        // Keep an inline-array index ("<Items>k__BackingField[3]" -> "Items[3]").
        int bracket = part.IndexOf('[', close);
        return part[1..close] + (bracket < 0 ? "" : part[bracket..]);
    }
}
