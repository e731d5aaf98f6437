namespace Reintegration.Core.Retention;

/// <summary>
/// Settings of section "Retention": how long a case is kept after it ended (closed, withdrawn or rejected).
/// Personal data goes after <see cref="PersonalDataMonths"/>; the files that prove spending (receipts, cash contribution
/// proof) stay for the funder's audit, <see cref="FinancialRecordsYears"/>, and go then (docs/decisions/0014).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int PersonalDataMonths { get; set; } = 24;

    public int FinancialRecordsYears { get; set; } = 7;

    /// <summary>Why the settings cannot be used, or null when they can.</summary>
    public string? Problem() =>
        PersonalDataMonths is < 1 or > 240 ? "Setting Retention:PersonalDataMonths must be from 1 to 240."
        : FinancialRecordsYears is < 1 or > 30 ? "Setting Retention:FinancialRecordsYears must be from 1 to 30."
        : FinancialRecordsYears * 12 < PersonalDataMonths
            ? "Setting Retention:FinancialRecordsYears must not end before Retention:PersonalDataMonths: the receipts outlive the names."
            : null;

    /// <summary>Cases that ended on or before this day are past the personal data period today.</summary>
    public DateOnly PersonalDataEndedBy(DateOnly today) => today.AddMonths(-PersonalDataMonths);

    /// <summary>Cases that ended on or before this day are past the funder's audit period today.</summary>
    public DateOnly FinancialRecordsEndedBy(DateOnly today) => today.AddYears(-FinancialRecordsYears);

    /// <summary>The first day the personal data may be due (a month end can add up to three days; never fewer).</summary>
    public DateOnly PersonalDataDueOn(DateOnly endedOn) => endedOn.AddMonths(PersonalDataMonths);

    public DateOnly FinancialRecordsDueOn(DateOnly endedOn) => endedOn.AddYears(FinancialRecordsYears);
}
