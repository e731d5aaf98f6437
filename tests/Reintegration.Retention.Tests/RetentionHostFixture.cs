using Reintegration.Testing;

[assembly: AssemblyFixture(typeof(Reintegration.Retention.Tests.RetentionHostFixture))]

namespace Reintegration.Retention.Tests;

/// <summary>
/// The local host whose retention timer waits ten years, so the job runs only when a test runs it: moving the clock by
/// years must not run it behind the test's back.
/// </summary>
public sealed class RetentionHostFixture : LocalHostFixture
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings) =>
        settings["RetentionSchedule"] = "3650.00:00:00";
}
