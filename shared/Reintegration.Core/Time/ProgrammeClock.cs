namespace Reintegration.Core.Time;

/// <summary>
/// The programme's notion of "now" and "today". Dates (referral day, due dates) are days in the
/// programme's time zone, not UTC, so a referral at 00:30 in Amsterdam belongs to that day.
/// </summary>
public sealed class ProgrammeClock(TimeProvider time, TimeZoneInfo zone)
{
    public static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
}
