using System.Text;
using Toolkit.Engine.Build;
using Toolkit.Engine.Database;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Signatures;
using Toolkit.Engine.Tests.Build;

namespace Toolkit.Engine.Tests.Database;

/// <summary>
/// The signature database saved straight from the store: the same bytes as <see cref="SignatureDatabase.Save"/> for the
/// same entries (non-ASCII paths included, whose UTF-8 order differs from the string order), and a null build leaves
/// the file unwritten (the memory file system's clock advances on every write, so an equal stamp means no write).
/// </summary>
public sealed class StoreDatabaseEncoderTests
{
    [Fact]
    public void A_null_build_leaves_the_database_unwritten_and_a_touched_source_rewrites_it()
    {
        var project = SmallProject.Create();
        project.Build();
        var stamp = project.Files.Stat(Project.DatabaseFileName);
        var bytes = project.Files.ReadAllBytes(Project.DatabaseFileName);

        var (result, _) = project.Build();

        Assert.Equal(0, result.Executed);
        Assert.Equal(stamp, project.Files.Stat(Project.DatabaseFileName));
        Assert.Equal(bytes, project.Files.ReadAllBytes(Project.DatabaseFileName));
        Assert.False(project.LastProject.SaveDatabase());

        project.Files.Touch("lib_b/b1.c"); // same contents, a new stamp to record: nothing runs, the database changes
        Assert.Equal(0, project.Build().Result.Executed);
        Assert.NotEqual(stamp, project.Files.Stat(Project.DatabaseFileName));
    }

    [Fact]
    public void A_database_replaced_since_the_open_is_written_even_when_the_payload_matches_the_applied_one()
    {
        var project = SmallProject.Create();
        project.Build();
        var opened = project.Open();
        var bytes = project.Files.ReadAllBytes(Project.DatabaseFileName);
        project.Files.WriteAllBytes(Project.DatabaseFileName, bytes); // another build saved the same bytes: a new stamp
        var replaced = project.Files.Stat(Project.DatabaseFileName);

        Assert.True(opened.SaveDatabase());
        Assert.NotEqual(replaced, project.Files.Stat(Project.DatabaseFileName));
        Assert.Equal(bytes, project.Files.ReadAllBytes(Project.DatabaseFileName));
    }

    [Fact]
    public void The_store_gives_the_bytes_a_database_of_the_same_entries_gives()
    {
        string[] paths = ["b/\uE000.c", "b/\U0001F600.c", "b/z.c", "b/\u00E9.c", "a.c", "a", "b/\uFFFD.h"];
        var manifest = new StringBuilder("toolkit-manifest 2\n");
        foreach (var path in paths)
        {
            manifest.Append(CultureInvariant($"build {path}.o: Object {path}\n"));
        }

        var project = new TestProject(manifest.Append("end\n").ToString());
        var store = project.Open().Graph.Store;
        var database = new SignatureDatabase();
        for (var node = 0; node < store.Count; node++)
        {
            var info = InfoFor(node);
            if (store.GetKind(node) is not (NodeKind.Directory or NodeKind.Alias))
            {
                database.Set(store.GetPath(node), info);
            }
        }

        database.Save(project.Files, "expected");
        using var payload = StoreDatabaseEncoder.Encode(store, node => store.GetKind(node) is NodeKind.Directory or NodeKind.Alias ? NodeInfo.None : InfoFor(node));
        CheckedFile.Write(project.Files, "actual", SignatureDatabase.Magic, SignatureDatabase.FormatVersion, payload);

        Assert.Equal(project.Files.ReadAllBytes("expected"), project.Files.ReadAllBytes("actual"));
        Assert.Equal(CheckedFileStatus.Ok, SignatureDatabase.Load(project.Files, "actual").Status);
    }

    [Fact]
    public void Utf8_paths_compare_in_string_ordinal_order()
    {
        string[] samples = ["", "a", "ab", "\u00E9", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF", "a\uE000", "a\U00010000"];
        foreach (var x in samples)
        {
            foreach (var y in samples)
            {
                var expected = Math.Sign(string.CompareOrdinal(x, y));
                Assert.True(expected == Math.Sign(StoreDatabaseEncoder.CompareUtf16Order(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y))), $"'{x}' against '{y}'");
            }
        }
    }

    private static NodeInfo InfoFor(int node)
    {
        var signature = ContentSignature.FromBytes([.. BitConverter.GetBytes((long)node + 1), .. new byte[8]]);
        return new NodeInfo(signature, new Toolkit.Engine.FileSystem.FileStamp(node, node * 3L), node % 2 == 0 ? signature : default);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
