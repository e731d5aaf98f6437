namespace Reintegration.Core.Reports;

/// <summary>The reports by the name in their route, and what each is made of.</summary>
public static class ReportCatalog
{
    public const string Quarterly = "quarterly";

    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["referrals"] = "Referrals",
        ["journey"] = "The journey",
        ["budget"] = "Budget",
        ["monitoring"] = "Monitoring reports",
        ["sustainability"] = "Sustainability",
        [Quarterly] = "The programme in figures",
    };

    public static bool Exists(string name) => Titles.ContainsKey(name);

    internal static IReadOnlyList<FigureTable> Tables(string name, IReadOnlyList<CaseFigures> cases, ReportQuery query, DateOnly today,
        TableBuilder table) => name switch
    {
        "referrals" => ReferralFigures.Tables(cases, query, table),
        "journey" => JourneyFigures.Tables(cases, query, table),
        "budget" => BudgetFigures.Tables(cases, query, table),
        "monitoring" => MonitoringFigures.Tables(cases, query, today, table),
        "sustainability" => SustainabilityFigures.Tables(cases, query, table),
        Quarterly => [.. Titles.Keys.Where(k => k != Quarterly).SelectMany(k => Tables(k, cases, query, today, table))],
        _ => throw new Errors.NotFoundException($"Report {name}"),
    };
}
