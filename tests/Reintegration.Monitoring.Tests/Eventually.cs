namespace Reintegration.Monitoring.Tests;

/// <summary>Waits for work the host does in the background (queues, Service Bus); fails with what it last saw.</summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not done within {timeout.TotalSeconds} s; last seen: {value}");
            }
            await Task.Delay(150);
        }
    }
}
