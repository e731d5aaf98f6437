using System.Globalization;
using NCrontab;

namespace Reintegration.LocalHost.Timers;

/// <summary>A timer trigger's schedule: a 6-field NCRONTAB expression (with seconds, in UTC) or a TimeSpan interval.</summary>
internal abstract class TimerSchedule
{
    public abstract DateTimeOffset NextAfter(DateTimeOffset now);

    public static TimerSchedule Parse(string expression)
    {
        var trimmed = expression.Trim();
        if (trimmed.Contains(' ', StringComparison.Ordinal))
        {
            var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields != 6)
            {
                throw new FormatException($"'{expression}' has {fields} fields; the Functions host wants six (second minute hour day month day-of-week).");
            }

            var cron = CrontabSchedule.TryParse(trimmed, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                ?? throw new FormatException($"'{expression}' is not a valid NCRONTAB expression.");
            return new Cron(cron);
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? new Interval(interval)
            : throw new FormatException($"'{expression}' is neither a 6-field NCRONTAB expression nor a positive TimeSpan.");
    }

    private sealed class Cron(CrontabSchedule schedule) : TimerSchedule
    {
        public override DateTimeOffset NextAfter(DateTimeOffset now) =>
            new(DateTime.SpecifyKind(schedule.GetNextOccurrence(now.UtcDateTime), DateTimeKind.Utc));
    }

    private sealed class Interval(TimeSpan interval) : TimerSchedule
    {
        public override DateTimeOffset NextAfter(DateTimeOffset now) => now + interval;
    }
}
