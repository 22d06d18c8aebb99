using System.Security.Cryptography;
using System.Text;
using Toolkit.Engine.Signatures;

namespace Toolkit.Engine.Tests.Signatures;

public sealed class SignatureCalculatorTests
{
    private static readonly Md5ContentHasher Hasher = new();

    private static ContentSignature Sig(string text) => Hasher.HashBytes(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("cc -O2 -c -o a.o a.c")]
    [InlineData("")]
    [InlineData("cc -DNAME=\u00e9t\u00e9 -c")]
    public void ActionSignature_is_md5_of_the_utf8_command_line(string commandLine)
    {
        var expected = ContentSignature.FromBytes(MD5.HashData(Encoding.UTF8.GetBytes(commandLine)));
        Assert.Equal(expected, SignatureCalculator.ActionSignature(Hasher, commandLine));
    }

    [Fact]
    public void ActionSignature_of_a_long_command_line_uses_the_pooled_path_and_agrees_with_md5()
    {
        var commandLine = "cc " + string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"src/file_{i}.c"));
        var expected = ContentSignature.FromBytes(MD5.HashData(Encoding.UTF8.GetBytes(commandLine)));
        Assert.Equal(expected, SignatureCalculator.ActionSignature(Hasher, commandLine));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1000)]
    public void BuildSignature_is_md5_of_the_action_then_each_dependency(int dependencyCount)
    {
        var action = Sig("action");
        var dependencies = Enumerable.Range(0, dependencyCount).Select(i => Sig("dep" + i)).ToArray();
        var bytes = new byte[16 * (dependencyCount + 1)];
        action.WriteTo(bytes);
        for (var i = 0; i < dependencyCount; i++)
        {
            dependencies[i].WriteTo(bytes.AsSpan(16 * (i + 1)));
        }

        var expected = ContentSignature.FromBytes(MD5.HashData(bytes));
        Assert.Equal(expected, SignatureCalculator.BuildSignature(Hasher, action, dependencies));
    }

    [Fact]
    public void BuildSignature_changes_when_any_dependency_changes()
    {
        var action = Sig("cc -c a.c");
        var dependencies = new[] { Sig("a.c"), Sig("a.h"), Sig("b.h") };
        var original = SignatureCalculator.BuildSignature(Hasher, action, dependencies);
        for (var i = 0; i < dependencies.Length; i++)
        {
            var changed = (ContentSignature[])dependencies.Clone();
            changed[i] = Sig("edited " + i);
            Assert.NotEqual(original, SignatureCalculator.BuildSignature(Hasher, action, changed));
        }

        Assert.NotEqual(original, SignatureCalculator.BuildSignature(Hasher, Sig("cc -O2 -c a.c"), dependencies));
        Assert.NotEqual(original, SignatureCalculator.BuildSignature(Hasher, action, dependencies.AsSpan(0, 2)));
    }

    [Fact]
    public void BuildSignature_changes_when_the_order_of_dependencies_changes()
    {
        var action = Sig("ar rcs lib.a");
        var a = Sig("a.o");
        var b = Sig("b.o");
        Assert.NotEqual(
            SignatureCalculator.BuildSignature(Hasher, action, [a, b]),
            SignatureCalculator.BuildSignature(Hasher, action, [b, a]));
    }
}
