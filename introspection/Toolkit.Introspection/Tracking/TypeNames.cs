using System.Text;

namespace Toolkit.Introspection.Tracking;

/// <summary>Short readable type names for saved stats (List&lt;Node&gt;, not assembly-qualified names).</summary>
public static class TypeNames
{
    public static string Friendly(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (!type.IsGenericType)
        {
            return type.IsNested ? Friendly(type.DeclaringType!) + "." + type.Name : type.Name;
        }

        var sb = new StringBuilder();
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        sb.Append(tick < 0 ? name : name[..tick]).Append('<');
        sb.AppendJoin(", ", type.GetGenericArguments().Select(Friendly));
        return sb.Append('>').ToString();
    }
}
