using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;
using Reintegration.Core.Time;
using Reintegration.Core.Validation;

namespace Reintegration.Core.Imports;

/// <summary>
/// Checks a row by the same rules as the API's own requests (the referral, plan, spending and report validators, the
/// eligibility rules, the budget policy and the ledger's), plus the order of the journey's dates, and resolves it into
/// an <see cref="ImportedCase"/>. Every error names the row's field and the rule.
/// </summary>
public sealed class ImportRowCheck(
    IValidator<ReferralRequest> referralValidator,
    IValidator<PlanRequest> planValidator,
    IValidator<SpendingRequest> spendingValidator,
    IValidator<ReportRequest> reportValidator,
    ProgrammeClock clock)
{
    public async Task<(ImportedCase? Case, IReadOnlyList<ImportRowError> Errors)> CheckAsync(int rowNumber, ImportRow row, string rawRow,
        string importId, ReferenceDataSet reference, Caller importer, CancellationToken cancellationToken)
    {
        var errors = new List<ImportRowError>();
        void Fail(string field, string rule, string message) => errors.Add(new ImportRowError(rowNumber, field, rule, message));

        if (!ExternalReferences.IsValid(row.ExternalReference))
        {
            Fail("externalReference", "external-reference", ExternalReferences.Rule);
        }
        Add(errors, rowNumber, "", await referralValidator.ValidateAsync(row.AsReferral(), cancellationToken));
        if (row.Plan is null)
        {
            Fail("plan", "required", "The approved plan.");
        }
        else
        {
            Add(errors, rowNumber, "plan.", await planValidator.ValidateAsync(row.Plan, cancellationToken));
        }
        foreach (var (spending, i) in (row.Spending ?? []).Select((s, i) => (s, i)))
        {
            if (spending is null)
            {
                Fail($"spending[{i}]", "required", "A spending.");
                continue;
            }
            Add(errors, rowNumber, $"spending[{i}].", await spendingValidator.ValidateAsync(spending, cancellationToken));
            if (spending.ReceiptDocumentId is not null)
            {
                Fail($"spending[{i}].receiptDocumentId", "no-documents", "Files are not imported: leave the receipt out and upload it to the case.");
            }
        }
        foreach (var (report, i) in (row.Reports ?? []).Select((r, i) => (r, i)))
        {
            if (report?.Report is null)
            {
                Fail($"reports[{i}].report", "required", "The report.");
                continue;
            }
            if (!Ids.IdShapes.IsCheckpoint(report.Checkpoint))
            {
                Fail($"reports[{i}].checkpoint", "checkpoint", Ids.IdShapes.CheckpointRule);
            }
            if (report.SubmittedOn is not { } on || on < ProgrammeDates.EarliestEvent || on > clock.Today)
            {
                Fail($"reports[{i}].submittedOn", "past-date", $"A date from {ProgrammeDates.EarliestEvent:yyyy-MM-dd} to today.");
            }
            Add(errors, rowNumber, $"reports[{i}].report.", await reportValidator.ValidateAsync(report.Report, cancellationToken));
            if (report.Report.DocumentIds is { Count: > 0 })
            {
                Fail($"reports[{i}].report.documentIds", "no-documents", "Files are not imported: leave them out and upload them to the case.");
            }
        }
        CheckDates(row, Fail);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return Resolve(row, rawRow, importId, reference, importer, Fail) is { } resolved && errors.Count == 0 ? (resolved, []) : (null, errors);
    }

    /// <summary>The journey in order, and all of it past: the only place where a departure may precede the import.</summary>
    private void CheckDates(ImportRow row, Action<string, string, string> fail)
    {
        var today = clock.Today;
        bool Past(DateOnly? d) => d is { } day && day >= ProgrammeDates.EarliestEvent && day <= today;
        var pastMessage = $"A date from {ProgrammeDates.EarliestEvent:yyyy-MM-dd} to today.";
        if (!Past(row.ReferredOn))
        {
            fail("referredOn", "past-date", pastMessage);
        }
        if (!Past(row.PlanApprovedOn))
        {
            fail("planApprovedOn", "past-date", pastMessage);
        }
        else if (row.PlanApprovedOn < row.ReferredOn)
        {
            fail("planApprovedOn", "plan-approval-date", "A plan cannot be approved before the case was referred.");
        }
        if (row.DepartedOn is not null && !Past(row.DepartedOn))
        {
            fail("departedOn", "past-date", pastMessage);
        }
        else if (row.DepartedOn < row.PlanApprovedOn)
        {
            fail("departedOn", "departure-date", "A departure cannot be dated before the plan was approved.");
        }
        if (row.ArrivedOn is not null && !Past(row.ArrivedOn))
        {
            fail("arrivedOn", "past-date", pastMessage);
        }
        else if (row.ArrivedOn is not null && row.DepartedOn is null)
        {
            fail("arrivedOn", "arrival-date", "An arrival needs the departure date.");
        }
        else if (row.ArrivedOn < row.DepartedOn)
        {
            fail("arrivedOn", "arrival-date", "An arrival cannot be dated before the departure.");
        }
    }

    private ImportedCase? Resolve(ImportRow row, string rawRow, string importId, ReferenceDataSet reference, Caller importer,
        Action<string, string, string> fail)
    {
        var referral = row.AsReferral();
        var rules = new List<RuleFailure>();
        var category = EligibilityRules.Category(referral.Category, rules);
        EligibilityRules.Country(reference.Countries.FirstOrDefault(c => c.Code == referral.CountryOfReturn), referral.CountryOfReturn!, rules);
        EligibilityRules.ThirdCountryNational(referral.Person!.Nationality!, rules);
        EligibilityRules.ConsentToShare(referral.Consent!, rules);
        foreach (var rule in rules)
        {
            fail(FieldOf(rule.Rule), rule.Rule, rule.Detail);
        }

        var referredOn = row.ReferredOn!.Value;
        var phase = row.PhaseId is null
            ? reference.Phases.FirstOrDefault(p => p.IsActiveOn(referredOn))
            : reference.Phases.FirstOrDefault(p => p.Id == row.PhaseId);
        if (phase is null || !phase.IsActiveOn(referredOn))
        {
            fail(row.PhaseId is null ? "referredOn" : "phaseId", EligibilityRules.PhaseRule,
                $"No programme phase{(row.PhaseId is null ? "" : $" '{row.PhaseId}'")} ran on {referredOn:yyyy-MM-dd}.");
        }
        var organisation = reference.Organisations.FirstOrDefault(o => o.Id == row.ReferringOrganisationId);
        if (organisation is not { Kind: OrganisationKind.Referring, Active: true })
        {
            fail("referringOrganisationId", "referring-organisation", "An active referring organisation of the programme.");
        }
        var partner = reference.Organisations.FirstOrDefault(o => o.Id == row.PartnerId);
        if (partner is null || !partner.Covers(row.CountryOfReturn!))
        {
            fail("partnerId", "partner", "An active partner of the programme that covers the country of return.");
        }
        if (rules.Count > 0 || phase is null || !phase.IsActiveOn(referredOn) || organisation is not { Kind: OrganisationKind.Referring, Active: true }
            || partner is null || !partner.Covers(row.CountryOfReturn!))
        {
            return null;
        }

        var id = ExternalReferences.CaseIdFor(row.ExternalReference!).Value;
        var person = row.Person!;
        var returnee = new Returnee
        {
            GivenName = person.GivenName!,
            FamilyName = person.FamilyName!,
            DateOfBirth = person.DateOfBirth!.Value,
            Nationality = person.Nationality!,
            Contact = new Contact { Phone = person.Contact?.Phone, Email = person.Contact?.Email, Address = person.Contact?.Address },
        };
        var family = (row.FamilyMembers ?? []).Select(m => new FamilyMember
        {
            GivenName = m.GivenName!, FamilyName = m.FamilyName!, DateOfBirth = m.DateOfBirth!.Value, Relationship = m.Relationship!,
        }).ToList();

        var plan = Plan(row, phase, returnee, family, importer, fail);
        if (plan is null)
        {
            return null;
        }
        var spending = Spending(row, id, plan, importer, fail);
        var reports = Reports(row, phase, importer, fail);
        if (spending is null || reports is null)
        {
            return null;
        }
        return new ImportedCase
        {
            Id = id,
            Origin = new ImportOrigin(row.ExternalReference!, importId, Fingerprint(rawRow), clock.Now),
            ReferringOrganisationId = organisation.Id,
            PartnerId = partner.Id,
            PhaseId = phase.Id,
            ReferredOn = referredOn,
            ReferredAt = AtStartOf(referredOn),
            CountryOfReturn = row.CountryOfReturn!,
            Category = category!.Value,
            Person = returnee,
            FamilyMembers = family,
            Vulnerabilities = (row.Vulnerabilities ?? []).Select(v => new Vulnerability { Kind = v.Kind!, Description = v.Description }).ToList(),
            Consent = new Consent
            {
                SharingWithPartner = row.Consent!.SharingWithPartner!.Value,
                GivenOn = row.Consent.GivenOn!.Value,
                Method = row.Consent.Method!,
                RecordedBy = importer.UserId,
            },
            ApprovedPlan = plan,
            DepartedOn = row.DepartedOn,
            ArrivedOn = row.ArrivedOn,
            Spending = spending,
            Reports = reports,
        };
    }

    private ReintegrationPlan? Plan(ImportRow row, ProgrammePhase phase, Returnee person, List<FamilyMember> family, Caller importer,
        Action<string, string, string> fail)
    {
        var request = row.Plan!;
        if (request.BudgetLines!.Any(l => l.Id is not null))
        {
            fail("plan.budgetLines", "budget-line", "Leave line ids out: the lines of an imported plan are numbered line-1, line-2, ... in order.");
            return null;
        }
        var lines = request.BudgetLines!.Select((l, i) => new BudgetLine($"line-{i + 1}", Enum.Parse<SupportArea>(l.Area!), l.Description!, l.Amount!.Value))
            .ToList();
        var household = Household.Of(row.ReferredOn!.Value, person.DateOfBirth, family.Select(m => m.DateOfBirth));
        var cash = request.CashContribution!.Value;
        var assessment = BudgetAssessment.Of(phase.Budget, household, lines.Sum(l => l.Amount), cash);
        if (!assessment.WithinPolicy && string.IsNullOrWhiteSpace(row.ApprovalReason))
        {
            fail("approvalReason", "approval-reason-required",
                $"The plan is above the phase's budget policy for the household ({assessment.HouseholdAllowance:0.00} EUR in kind, " +
                $"ceiling {assessment.ApprovalCeiling:0.00} EUR, cash {assessment.PolicyCashContribution:0.00} EUR): say why it was approved.");
            return null;
        }
        if (row.ApprovalReason is { } reason && (reason.Length > CaseActionRequestValidator.MaxReasonLength || !PlainTextRule.IsPlainText(reason)))
        {
            fail("approvalReason", "plain-text", $"At most {CaseActionRequestValidator.MaxReasonLength} characters. {PlainTextRule.Message}");
            return null;
        }
        return new ReintegrationPlan
        {
            Version = 1,
            Status = PlanStatus.Approved,
            Goals = request.Goals!.Select(g => new PlanGoal(Enum.Parse<SupportArea>(g.Area!), g.Description!)).ToList(),
            BudgetLines = lines,
            CashContribution = cash,
            Assessment = assessment,
            DraftedBy = importer.UserId,
            SubmittedBy = importer.UserId,
            SubmittedAt = AtStartOf(row.PlanApprovedOn!.Value),
            ApprovedAt = AtStartOf(row.PlanApprovedOn!.Value),
            ApprovedBy = importer.UserId,
            ApprovalReason = row.ApprovalReason,
        };
    }

    private List<SpendingRecord>? Spending(ImportRow row, string caseId, ReintegrationPlan plan, Caller importer, Action<string, string, string> fail)
    {
        var records = new List<SpendingRecord>();
        var ok = true;
        foreach (var (s, i) in (row.Spending ?? []).Select((s, i) => (s!, i)))
        {
            var line = plan.BudgetLines.FirstOrDefault(l => l.Id == s.BudgetLineId);
            if (line is null)
            {
                fail($"spending[{i}].budgetLineId", "budget-line", $"The plan has no budget line '{s.BudgetLineId}' (lines are line-1 to line-{plan.BudgetLines.Count}).");
                ok = false;
                continue;
            }
            if (row.ArrivedOn is not { } arrived || s.PaidOn < arrived)
            {
                fail($"spending[{i}].paidOn", "spending-after-arrival", "Spending is made after the returnee arrived.");
                ok = false;
                continue;
            }
            records.Add(s.ToRecord(ExternalReferences.IdWithin(caseId, $"spending/{i}"), line.Area, clock.Now, importer.UserId));
        }
        foreach (var over in records.GroupBy(r => r.BudgetLineId).Where(g => g.Sum(r => r.AmountEur) > plan.BudgetLines.First(l => l.Id == g.Key).Amount))
        {
            fail("spending", "budget-line-exceeded", $"The spending on {over.Key} is above the amount the plan reserved on it.");
            ok = false;
        }
        return ok ? records : null;
    }

    private Dictionary<string, Func<Checkpoint, Checkpoint>>? Reports(ImportRow row, ProgrammePhase phase, Caller importer,
        Action<string, string, string> fail)
    {
        var reports = new Dictionary<string, Func<Checkpoint, Checkpoint>>();
        var scheduled = phase.MonitoringMonths.Select(Checkpoint.IdFor).ToHashSet();
        var ok = true;
        foreach (var (r, i) in (row.Reports ?? []).Select((r, i) => (r!, i)))
        {
            if (row.ArrivedOn is not { } arrived || r.SubmittedOn < arrived)
            {
                fail($"reports[{i}].submittedOn", "report-after-arrival", "Reports are submitted after the returnee arrived.");
                ok = false;
            }
            else if (!scheduled.Contains(r.Checkpoint!))
            {
                fail($"reports[{i}].checkpoint", "checkpoint", $"The phase's checkpoints are {string.Join(", ", scheduled)}.");
                ok = false;
            }
            else if (reports.ContainsKey(r.Checkpoint!))
            {
                fail($"reports[{i}].checkpoint", "checkpoint", "One report per checkpoint.");
                ok = false;
            }
            else
            {
                var report = CaseMonitoring.ToReport(importer, r.Report!);
                var submittedAt = AtStartOf(r.SubmittedOn!.Value);
                var submittedOn = r.SubmittedOn.Value;
                reports[r.Checkpoint!] = c => c with { Report = report, SubmittedAt = submittedAt, SubmittedLate = submittedOn > c.DueOn };
            }
        }
        return ok ? reports : null;
    }

    /// <summary>Eligibility rules are named after what they check; the row's field for each.</summary>
    private static string FieldOf(string rule) => rule switch
    {
        EligibilityRules.CategoryRule => "category",
        EligibilityRules.CountryRule => "countryOfReturn",
        EligibilityRules.NationalityRule => "person.nationality",
        EligibilityRules.ConsentRule => "consent.sharingWithPartner",
        _ => "",
    };

    /// <summary>A day of the programme as the instant it began (in the programme's time zone).</summary>
    private static DateTimeOffset AtStartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ProgrammeClock.DefaultZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static string Fingerprint(string rawRow) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawRow.Trim())));

    private static void Add(List<ImportRowError> errors, int row, string prefix, ValidationResult result) =>
        errors.AddRange(result.Errors.Select(e => new ImportRowError(row, prefix + RequestValidation.JsonPath(e.PropertyName), RuleOf(e), e.ErrorMessage)));

    /// <summary>The validator's check as a short stable name.</summary>
    private static string RuleOf(ValidationFailure failure) => failure.ErrorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "required",
        "MaximumLengthValidator" or "MinimumLengthValidator" or "LengthValidator" => "length",
        "RegularExpressionValidator" or "EmailValidator" => "format",
        "GreaterThanValidator" or "GreaterThanOrEqualValidator" or "LessThanValidator" or "LessThanOrEqualValidator"
            or "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => "range",
        "EqualValidator" => "value",
        _ when failure.ErrorMessage == PlainTextRule.Message => "plain-text",
        _ => "format",
    };
}
