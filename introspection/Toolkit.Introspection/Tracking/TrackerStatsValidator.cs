namespace Toolkit.Introspection.Tracking;

/// <summary>
/// The checks between records of loaded stats, after every field was read and type-checked: instance ids
/// equal their position, each snapshot's parallel arrays match, every id a snapshot names exists, an
/// instance is buried once and never listed alive after. Stats that pass can be replayed and reported
/// without an out-of-range index.
/// </summary>
internal static class TrackerStatsValidator
{
    public static void Validate(TrackerStats stats, string source)
    {
        for (int i = 0; i < stats.Instances.Count; i++)
        {
            if (stats.Instances[i].Id != i)
            {
                throw new TrackerStatsFormatException($"{source}: instances[{i}] has id {stats.Instances[i].Id}; ids must equal their position.");
            }
        }

        int count = stats.Instances.Count;
        const byte Alive = 1, Buried = 2;
        var state = new byte[count];
        for (int s = 0; s < stats.Snapshots.Count; s++)
        {
            var snap = stats.Snapshots[s];
            string where = $"{source}: snapshots[{s}] \"{snap.Label}\"";
            if (snap.InstanceIds.Length != snap.InstanceSizes.Length)
            {
                throw new TrackerStatsFormatException($"{where}: {snap.InstanceIds.Length} instance ids but {snap.InstanceSizes.Length} sizes.");
            }

            if (!snap.Full && s == 0)
            {
                throw new TrackerStatsFormatException($"{where}: the first snapshot is incremental (full: false), with nothing before it to add to.");
            }

            foreach (int id in snap.DeadIds)
            {
                if ((uint)id >= (uint)count || state[id] == Buried)
                {
                    throw new TrackerStatsFormatException($"{where}: deadIds names instance {id}, which is {((uint)id >= (uint)count ? $"outside the {count} recorded instances" : "dead already")}.");
                }

                state[id] = Buried;
            }

            if (snap.Full)
            {
                // A full snapshot lists every live instance: the rest are not alive (the buried stay buried).
                state.AsSpan().Replace(Alive, (byte)0);
            }

            foreach (int id in snap.InstanceIds)
            {
                if ((uint)id >= (uint)count)
                {
                    throw new TrackerStatsFormatException($"{where}: instance id {id} outside the {count} recorded instances.");
                }

                if (state[id] == Buried)
                {
                    throw new TrackerStatsFormatException($"{where}: instance {id} is listed alive after it was found dead.");
                }

                state[id] = Alive;
            }

            foreach (var d in snap.Details)
            {
                if ((uint)d.InstanceId >= (uint)count)
                {
                    throw new TrackerStatsFormatException($"{where}: detail for instance id {d.InstanceId} outside the {count} recorded instances.");
                }
            }
        }
    }
}
