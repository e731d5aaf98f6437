using Reintegration.LocalHost.StandIns;

namespace Reintegration.LocalHost.Tests;

public sealed class RestartPolicyTests
{
    [Fact]
    public void Each_attempt_in_a_row_waits_twice_as_long_up_to_the_longest_wait_and_then_none_is_made()
    {
        var policy = new RestartPolicy { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5), MaxAttempts = 5 };

        var delays = Enumerable.Range(1, 6).Select(policy.DelayBefore).ToList();

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), null], delays);
    }

    [Fact]
    public void A_long_run_of_attempts_does_not_overflow_the_wait()
    {
        var policy = new RestartPolicy { MaxAttempts = 1000 };

        Assert.Equal(policy.MaxDelay, policy.DelayBefore(1000));
    }
}
