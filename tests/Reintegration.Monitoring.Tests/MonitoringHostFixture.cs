using Reintegration.Testing;

[assembly: AssemblyFixture(typeof(Reintegration.Monitoring.Tests.MonitoringHostFixture))]

namespace Reintegration.Monitoring.Tests;

/// <summary>The local host with the deadline job once a day at 06:00, so moving the clock by weeks runs it once per day.</summary>
public sealed class MonitoringHostFixture : LocalHostFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["MonitoringDeadlineSchedule"] = "0 0 6 * * *";
        // An outage should fail a delivery at once, so the queue's retries and poison queue show in seconds.
        settings["ServiceBus:MaxRetries"] = "0";
        settings["ServiceBus:TryTimeout"] = "00:00:05";
    }
}
