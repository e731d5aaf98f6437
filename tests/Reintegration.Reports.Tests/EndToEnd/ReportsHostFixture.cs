using Microsoft.Extensions.DependencyInjection;
using Reintegration.Core.Reports;
using Reintegration.Testing;

[assembly: AssemblyFixture(typeof(Reintegration.Reports.Tests.EndToEnd.ReportsHostFixture))]

namespace Reintegration.Reports.Tests.EndToEnd;

/// <summary>The local host with the report figures job on its default schedule (every minute of the app's clock).</summary>
public sealed class ReportsHostFixture : LocalHostFixture
{
    /// <summary>Runs the job now, as its timer would: tests that only need the figures up to date do not move the clock.</summary>
    public Task CatchUpAsync() => Services.GetRequiredService<ReportFiguresJob>().RunAsync(CancellationToken.None);
}
