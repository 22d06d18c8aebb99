namespace Toolkit.HeapTarget;

/// <summary>Builds a synthetic heap of about N objects for the snapshot benchmark.</summary>
public static class BigHeap
{
    // Items per inner list: keeps the List backing arrays at a realistic size.
    private const int ItemsPerList = 1000;

    // Each item costs 3 objects (BigItem, its name string, its payload array).
    private const int ObjectsPerItem = 3;

    public static List<List<BigItem>> Build(long objectCount)
    {
        long items = objectCount / ObjectsPerItem;
        var lists = new List<List<BigItem>>();
        BigItem? previous = null;
        for (long i = 0; i < items; i++)
        {
            if (i % ItemsPerList == 0)
            {
                lists.Add(new List<BigItem>(ItemsPerList));
            }
            var item = new BigItem { Id = (int)i, Name = "item" + (i % 50_000), Payload = new int[(int)(i % 4)], Next = previous };
            previous = i % 7 == 0 ? null : item;
            lists[^1].Add(item);
        }
        return lists;
    }
}
