using Reintegration.Core.Cases.Parts;
using System.Text.Json.Serialization;
using Reintegration.Core.Access;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases;

/// <summary>
/// Cases carried over from an earlier phase (or another programme) with their real history: the dates of the journey
/// lie before the import, which only an import may record. The timeline says who imported the case and from what.
/// </summary>
public sealed partial class Case
{
    /// <summary>Where an imported case came from; null for a case referred in this system.</summary>
    [JsonInclude]
    public ImportOrigin? ImportedFrom { get; private set; }

    /// <summary>
    /// Builds a case as it stands after its history: plan approved, and departed, arrived and in monitoring when the
    /// dates say so, with checkpoints scheduled from the real arrival date (so one already past is overdue at once, and
    /// <see cref="NextDueOn"/> shows it to the deadline job's next run), the spending already made and the reports
    /// already submitted. Everything was checked beforehand by the import's row check.
    /// </summary>
    public static Case Import(ImportedCase imported, Caller importer, DateTimeOffset now, IReadOnlyList<int> monitoringMonths)
    {
        var status = imported.ArrivedOn is not null ? CaseStatus.Monitoring
            : imported.DepartedOn is not null ? CaseStatus.Departed
            : CaseStatus.PlanApproved;
        var @case = new Case
        {
            Id = imported.Id,
            ReferringOrganisationId = imported.ReferringOrganisationId,
            PhaseId = imported.PhaseId,
            ReferredOn = imported.ReferredOn,
            ReferredAt = imported.ReferredAt,
            CountryOfReturn = imported.CountryOfReturn,
            Category = imported.Category,
            Person = imported.Person,
            FamilyMembers = imported.FamilyMembers,
            Vulnerabilities = imported.Vulnerabilities,
            Consent = imported.Consent with { RecordedBy = importer.UserId },
            Status = status,
            StatusChangedAt = now,
            PartnerId = imported.PartnerId,
            DepartedOn = imported.DepartedOn,
            ArrivedOn = imported.ArrivedOn,
            ImportedFrom = imported.Origin,
        };
        @case.ConsentHistory.Add(new ConsentChange(ConsentChangeKind.Given, @case.Consent.GivenOn, @case.Consent.Method, null, importer.UserId, now));
        return @case.WithHistory(imported, importer, now, monitoringMonths);
    }

    private Case WithHistory(ImportedCase imported, Caller importer, DateTimeOffset now, IReadOnlyList<int> monitoringMonths)
    {
        Plan = imported.ApprovedPlan;
        ApprovedPlan = imported.ApprovedPlan;
        Spending = CaseLedger.From(imported.Spending);
        if (ArrivedOn is { } arrivedOn)
        {
            Checkpoints = MonitoringSchedule.From(CheckpointSchedule.For(arrivedOn, monitoringMonths)
                .Select(c => imported.Reports.TryGetValue(c.Id, out var report) ? report(c) : c));
        }
        Timeline.Add("import", importer, now, null, Status,
            $"Imported from {imported.Origin.ExternalReference} (import {imported.Origin.ImportId}): referred {ReferredOn:yyyy-MM-dd}, " +
                $"plan approved {ApprovedPlan!.ApprovedAt:yyyy-MM-dd}" +
                (DepartedOn is { } departed ? $", departed {departed:yyyy-MM-dd}" : "") +
                (ArrivedOn is { } arrived ? $", arrived {arrived:yyyy-MM-dd}" : "") +
                $", {Spending.Count} spending, {Checkpoints.Count(c => c.Report is not null)} reports");
        return this;
    }
}

/// <summary>Where an imported case came from: its external reference, the import, and a fingerprint of its row.</summary>
public sealed record ImportOrigin(string ExternalReference, string ImportId, string RowFingerprint, DateTimeOffset ImportedAt);

/// <summary>A carried-over case as its row described it, checked and resolved against the reference data.</summary>
public sealed record ImportedCase
{
    public required string Id { get; init; }
    public required ImportOrigin Origin { get; init; }
    public required string ReferringOrganisationId { get; init; }
    public required string PartnerId { get; init; }
    public required string PhaseId { get; init; }
    public required DateOnly ReferredOn { get; init; }
    public required DateTimeOffset ReferredAt { get; init; }
    public required string CountryOfReturn { get; init; }
    public required TargetGroup Category { get; init; }
    public required Returnee Person { get; init; }
    public required IReadOnlyList<FamilyMember> FamilyMembers { get; init; }
    public required IReadOnlyList<Vulnerability> Vulnerabilities { get; init; }
    public required Consent Consent { get; init; }
    public required ReintegrationPlan ApprovedPlan { get; init; }
    public DateOnly? DepartedOn { get; init; }
    public DateOnly? ArrivedOn { get; init; }
    public required IReadOnlyList<SpendingRecord> Spending { get; init; }
    /// <summary>By checkpoint id: what the checkpoint becomes with its report.</summary>
    public required IReadOnlyDictionary<string, Func<Checkpoint, Checkpoint>> Reports { get; init; }
}
