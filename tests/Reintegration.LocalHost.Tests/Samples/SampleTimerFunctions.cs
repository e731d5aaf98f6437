using Microsoft.Azure.Functions.Worker;

namespace Reintegration.LocalHost.Tests.Samples;

public sealed class SampleTimerFunctions(InvocationRecorder recorder)
{
    /// <summary>Every hour on the hour.</summary>
    [Function("SampleHourly")]
    public Task Hourly([TimerTrigger("0 0 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        recorder.Record("SampleHourly", timer);
        return Task.CompletedTask;
    }

    /// <summary>Schedule from the app setting Samples:Schedule (set by the fixture).</summary>
    [Function("SampleFromSetting")]
    public void FromSetting([TimerTrigger("%Samples:Schedule%")] TimerInfo timer) => recorder.Record("SampleFromSetting", timer);

    /// <summary>Once a year, and once when the host starts.</summary>
    [Function("SampleOnStartup")]
    public void OnStartup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer, FunctionContext context) =>
        recorder.Record("SampleOnStartup", context.FunctionDefinition.Name);
}
