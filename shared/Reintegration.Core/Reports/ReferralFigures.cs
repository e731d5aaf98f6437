using Reintegration.Core.Referrals;

namespace Reintegration.Core.Reports;

/// <summary>Referrals made in the period, by month, country and referring organisation, each against the target groups.</summary>
internal static class ReferralFigures
{
    public static IReadOnlyList<FigureTable> Tables(IReadOnlyList<CaseFigures> cases, ReportQuery query, TableBuilder table)
    {
        var referred = cases.Where(c => query.InPeriod(c.ReferredOn)).ToList();
        var groups = Enum.GetNames<TargetGroup>();
        var months = Months(query.From, query.To);
        var countries = referred.Select(c => c.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        var organisations = referred.Select(c => c.ReferringOrganisationId).Distinct().Order(StringComparer.Ordinal).ToList();
        return
        [
            table.Counts("referrals-by-month", "Referrals by month and target group", "month", months, groups,
                Grids.Count(referred, months, groups, c => c.ReferredOn.ToString("yyyy-MM"), c => c.TargetGroup.ToString())),
            table.Counts("referrals-by-country", "Referrals by country of return and target group", "country", countries, groups,
                Grids.Count(referred, countries, groups, c => c.Country, c => c.TargetGroup.ToString())),
            table.Counts("referrals-by-referring-organisation", "Referrals by referring organisation and target group",
                "referring organisation", organisations, groups,
                Grids.Count(referred, organisations, groups, c => c.ReferringOrganisationId, c => c.TargetGroup.ToString())),
        ];
    }

    private static List<string> Months(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM"));
        }
        return months;
    }
}
