using Reintegration.Core.Plans;

namespace Reintegration.Core.Reports;

/// <summary>
/// The budget of the cases whose plan was approved by the end of the period: reserved, spent by the end of the period
/// and remaining, by country and support area; and the cash contributions reserved and paid.
/// </summary>
internal static class BudgetFigures
{
    public static IReadOnlyList<FigureTable> Tables(IReadOnlyList<CaseFigures> cases, ReportQuery query, TableBuilder table)
    {
        var approved = cases.Where(c => c.PlanApprovedOn is { } on && on <= query.To).ToList();
        var areas = Enum.GetNames<SupportArea>();
        var countries = approved.Select(c => c.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        var countryIndex = Grids.Positions(countries);
        var contributors = new long[countries.Count, areas.Length];
        var reserved = new decimal[countries.Count, areas.Length];
        var spent = new decimal[countries.Count, areas.Length];
        foreach (var c in approved)
        {
            var r = countryIndex[c.Country];
            foreach (var line in c.Reserved)
            {
                contributors[r, (int)line.Area]++;
                reserved[r, (int)line.Area] += line.AmountEur;
            }
            foreach (var spending in c.Spent.Where(s => s.PaidOn <= query.To))
            {
                spent[r, (int)spending.Area] += spending.AmountEur;
            }
        }
        var remaining = new decimal[countries.Count, areas.Length];
        for (var r = 0; r < countries.Count; r++)
        {
            for (var a = 0; a < areas.Length; a++)
            {
                remaining[r, a] = reserved[r, a] - spent[r, a];
            }
        }
        return
        [
            table.Amounts("budget-reserved", "Budget reserved by approved plans (EUR)", "country", countries, areas, contributors, reserved),
            table.Amounts("budget-spent", "Budget spent by the end of the period (EUR)", "country", countries, areas, contributors, spent),
            table.Amounts("budget-remaining", "Budget remaining (EUR)", "country", countries, areas, contributors, remaining),
            CashContributions(approved, countries, query, table),
        ];
    }

    private static FigureTable CashContributions(IReadOnlyList<CaseFigures> approved, IReadOnlyList<string> countries, ReportQuery query,
        TableBuilder table)
    {
        var index = Grids.Positions(countries);
        var cases = new long[countries.Count, 1];
        var paidCases = new long[countries.Count, 1];
        var reserved = new decimal[countries.Count, 1];
        var paid = new decimal[countries.Count, 1];
        foreach (var c in approved)
        {
            cases[index[c.Country], 0]++;
            reserved[index[c.Country], 0] += c.CashContribution ?? 0m;
            if (c.CashPaidOn is { } on && on <= query.To)
            {
                paidCases[index[c.Country], 0]++;
                paid[index[c.Country], 0] += c.CashContribution ?? 0m;
            }
        }
        var reservedTable = table.Amounts("cash", "", "country", countries, ["reserved"], cases, reserved);
        var paidTable = table.Amounts("cash", "", "country", countries, ["paid"], paidCases, paid);
        var rows = reservedTable.Rows.Zip(paidTable.Rows, (r, p) => new FigureRow(r.Label, [r.Cells[0], p.Cells[0]])).ToList();
        return new FigureTable("cash-contributions", "Cash contributions reserved and paid by the end of the period (EUR)", "EUR", "country",
            ["reserved", "paid"], rows);
    }
}
