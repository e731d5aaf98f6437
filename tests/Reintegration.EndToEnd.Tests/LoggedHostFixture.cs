using Microsoft.Extensions.Logging;
using Reintegration.Testing;

namespace Reintegration.EndToEnd.Tests;

/// <summary>A host of its own that logs at Information, as the deployed app does, into <see cref="InformationLogs"/>.</summary>
public sealed class LoggedHostFixture : LocalHostFixture
{
    private readonly CapturedLogs _logs = new();

    internal CapturedLogs InformationLogs => _logs;

    protected override void ConfigureLogging(ILoggingBuilder logging) =>
        logging.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Information);
}
