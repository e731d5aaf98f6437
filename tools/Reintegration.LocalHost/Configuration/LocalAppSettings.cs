using Reintegration.LocalHost.StandIns;
using Reintegration.LocalHost.Tokens;

namespace Reintegration.LocalHost.Configuration;

/// <summary>The settings the local host gives the app.</summary>
internal static class LocalAppSettings
{
    /// <summary>Defaults the app settings, environment and command line may override.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["ReferenceData:SeedDemo"] = "true",
        // The deadline job's schedule (6-field NCRONTAB): hourly, as in Azure unless configured otherwise.
        ["MonitoringDeadlineSchedule"] = "0 0 * * * *",
        // The retention job's schedule: daily at 02:30 UTC, as in Azure unless configured otherwise.
        ["RetentionSchedule"] = "0 30 2 * * *",
        // The report figures job: every minute, so reports are at most a minute behind the cases.
        ["ReportFiguresSchedule"] = "0 * * * * *",
        ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
    };

    /// <summary>Settings that must win: where the stand-ins listen right now, and the development token settings.</summary>
    public static IReadOnlyDictionary<string, string?> Required(StandInSet standIns, byte[] signingKey)
    {
        var settings = new Dictionary<string, string?>(standIns.AppSettings, StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String(signingKey),
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
        };
        return settings;
    }
}
