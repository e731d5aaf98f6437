using System.Xml;

namespace Reintegration.ServiceBusStandIn.Configuration;

/// <summary>ISO 8601 durations as used by the emulator's Config.json ("PT1M", "PT0.5S", "P14D").</summary>
static class Durations
{
    public static TimeSpan Parse(string? value, TimeSpan fallback, string where)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        try
        {
            TimeSpan parsed = XmlConvert.ToTimeSpan(value);
            if (parsed <= TimeSpan.Zero)
            {
                throw new StandInConfigException($"{where}: the duration '{value}' must be positive.");
            }

            return parsed;
        }
        catch (FormatException e)
        {
            throw new StandInConfigException($"{where}: '{value}' is not an ISO 8601 duration such as PT30S.", e);
        }
    }
}
