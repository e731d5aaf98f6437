using Microsoft.Extensions.DependencyInjection;
using Reintegration.LocalHost.Tests.Samples;
using Reintegration.Testing;

namespace Reintegration.LocalHost.Tests;

/// <summary>The local host serving the sample functions only (not the app), over the shared stand-ins, with a fake clock.</summary>
public sealed class SampleHostFixture : LocalHostFixture
{
    public InvocationRecorder Recorder { get; } = new();

    protected override void ConfigureSettings(IDictionary<string, string?> settings) =>
        settings["Samples:Schedule"] = "0 */5 * * * *";

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Recorder);

    protected override LocalHostOptions ConfigureOptions(LocalHostOptions options) => options with
    {
        AddAppServices = false,
        FunctionClasses = [typeof(SampleHttpFunctions), typeof(SampleTimerFunctions), typeof(SampleQueueFunctions)],
    };
}
