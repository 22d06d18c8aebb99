using Microsoft.Diagnostics.Runtime;

namespace Toolkit.Introspection.Heap;

/// <summary>
/// The objects held by static reference fields, named <c>Type.Field</c>: what a path to a root
/// says instead of "a pinned handle to an Object[]" (where .NET keeps statics). Walks the loaded
/// types of every module once (their type-definition map), so it costs one pass over the types,
/// not the heap. Generic instantiations' statics are not named (their types are not in the map).
/// </summary>
internal static class StaticFieldRoots
{
    public static IEnumerable<(ulong Address, string Name)> Enumerate(ClrRuntime runtime)
    {
        var domain = runtime.AppDomains.FirstOrDefault() ?? runtime.SharedDomain ?? runtime.SystemDomain;
        if (domain is null)
        {
            yield break;
        }
        var seen = new HashSet<ulong>();
        foreach (var module in runtime.EnumerateModules())
        {
            foreach (var (methodTable, _) in module.EnumerateTypeDefToMethodTableMap())
            {
                if (methodTable == 0 || !seen.Add(methodTable))
                {
                    continue;
                }
                var type = runtime.GetTypeByMethodTable(methodTable);
                if (type is null)
                {
                    continue;
                }
                foreach (var field in type.StaticFields)
                {
                    if (!field.IsObjectReference)
                    {
                        continue;
                    }
                    ulong target = ReadObjectAddress(field, domain);
                    if (target != 0)
                    {
                        yield return (target, type.Name + "." + field.Name);
                    }
                }
            }
        }
    }

    private static ulong ReadObjectAddress(ClrStaticField field, ClrAppDomain domain)
    {
        try
        {
            return field.IsInitialized(domain) ? field.ReadObject(domain).Address : 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A static the runtime has not allocated yet, or one the DAC cannot read: no root to name.
            return 0;
        }
    }
}
