using System.CommandLine;
using Toolkit.Harness.Commands;

namespace Toolkit.Harness.Tests.Benchmarks;

public sealed class BenchCommandTests
{
    [Fact]
    public void Arguments_after_the_verb_are_forwarded_in_order_with_in_process_added()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var parse = root.Parse(["bench", "--filter", "*Layout*", "--job", "dry"]);
        Assert.Equal(["--filter", "*Layout*", "--job", "dry", "--inProcess"], BenchCommand.ForwardedArguments(parse));
    }

    [Fact]
    public void A_toolchain_choice_is_left_alone()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var parse = root.Parse(["bench", "--runtimes", "net10.0", "--filter", "*"]);
        Assert.Equal(["--runtimes", "net10.0", "--filter", "*"], BenchCommand.ForwardedArguments(parse));
    }
}
