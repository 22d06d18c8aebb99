using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class TimeoutRunnerTests
{
    [Fact]
    public void Work_that_finishes_returns_its_value()
    {
        var outcome = TimeoutRunner.Run(() => 42, TimeSpan.FromMinutes(1), "test", out var value, out var error);

        Assert.Equal(TimeoutRunOutcome.Completed, outcome);
        Assert.Equal(42, value);
        Assert.Null(error);
    }

    [Fact]
    public void Work_that_throws_returns_the_exception()
    {
        var outcome = TimeoutRunner.Run<int>(() => throw new InvalidOperationException("boom"), TimeSpan.FromMinutes(1), "test", out _, out var error);

        Assert.Equal(TimeoutRunOutcome.Failed, outcome);
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(error).Message);
    }

    [Fact]
    public void Work_that_never_finishes_is_abandoned_after_the_limit()
    {
        using var never = new ManualResetEventSlim();
        var outcome = TimeoutRunner.Run(() => never.Wait(TimeSpan.FromMinutes(5)), TimeSpan.FromMilliseconds(50), "test", out _, out var error);

        Assert.Equal(TimeoutRunOutcome.TimedOut, outcome);
        Assert.Null(error);
        never.Set(); // let the abandoned thread end
    }
}
