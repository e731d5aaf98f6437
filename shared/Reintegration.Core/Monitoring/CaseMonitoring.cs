using FluentValidation;
using Microsoft.Extensions.Options;
using Reintegration.Core.Access;
using Reintegration.Core.Cases;
using Reintegration.Core.Documents;
using Reintegration.Core.Errors;
using Reintegration.Core.Gate;
using Reintegration.Core.Ids;
using Reintegration.Core.ReferenceData;
using Reintegration.Core.Storage;
using Reintegration.Core.Time;

namespace Reintegration.Core.Monitoring;

/// <summary>Checkpoints of a case: scheduling them after arrival, reports, waivers, and their status today.</summary>
public sealed class CaseMonitoring(
    CaseGate gate,
    SystemCaseChanges system,
    IDocumentStore documents,
    IReferenceDataStore referenceData,
    IValidator<ReportRequest> validator,
    IOptions<MonitoringWindows> windows,
    ProgrammeClock clock)
{
    /// <summary>Run by the queue after an arrival; running it twice creates nothing twice.</summary>
    public async Task<bool> ScheduleAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var found = await system.FindAsync(caseId, cancellationToken) ?? throw new NotFoundException($"Case {caseId}");
        var phase = await PhaseOfAsync(found.Value, cancellationToken);
        var (_, started) = await system.ChangeAsync(caseId, c => c.StartMonitoring(clock.Now, phase.MonitoringMonths), started => started,
            cancellationToken);
        return started;
    }

    public async Task<(Versioned<Case> Case, Checkpoint Checkpoint)> ReportAsync(Caller caller, CaseId caseId, CheckpointId checkpointId,
        ReportRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.ThrowIfInvalid(await validator.ValidateAsync(request, cancellationToken));
        var attachments = (request.DocumentIds ?? [])
            .Select((id, i) => IdParsing.Field(id, $"documentIds[{i}]", IdShapes.IssuedRule, DocumentId.TryFrom)).ToList();
        var report = ToReport(caller, request);
        return await gate.AppendAsync(caller, caseId, CasePermissions.Report, async c =>
        {
            foreach (var documentId in attachments)
            {
                await AcceptedDocuments.RequireAsync(caller, documents, caseId.Value, documentId.Value, null, cancellationToken);
            }
            return c.SubmitReport(caller, clock.Now, clock.Today, checkpointId.Value, report);
        }, cancellationToken, checkpointId.Value);
    }

    public async Task<(Versioned<Case> Case, Checkpoint Checkpoint)> WaiveAsync(Caller caller, CaseId caseId, CheckpointId checkpointId,
        string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > CaseActionRequestValidator.MaxReasonLength)
        {
            throw RequestValidationException.ForField("reason", $"Say why, in at most {CaseActionRequestValidator.MaxReasonLength} characters.");
        }
        return await gate.AppendAsync(caller, caseId, CasePermissions.Waive,
            c => Task.FromResult(c.WaiveCheckpoint(caller, clock.Now, checkpointId.Value, reason)), cancellationToken, checkpointId.Value);
    }

    public async Task<IReadOnlyList<CheckpointView>> ListAsync(Caller caller, CaseId caseId, CancellationToken cancellationToken)
    {
        var found = await gate.ReadAsync(caller, caseId, CasePermissions.ReadCheckpoints, cancellationToken);
        var phase = await PhaseOfAsync(found.Value, cancellationToken);
        var today = clock.Today;
        return found.Value.Checkpoints
            .Select(c => new CheckpointView(c.Id, c.MonthsAfterArrival, c.DueOn,
                CheckpointClock.StatusOn(c, today, phase.GracePeriodDays, windows.Value), c.SubmittedAt, c.Report, c.WaivedReason))
            .ToList();
    }

    private async Task<ProgrammePhase> PhaseOfAsync(Case @case, CancellationToken cancellationToken) =>
        (await referenceData.PhasesAsync(cancellationToken)).FirstOrDefault(p => p.Id == @case.PhaseId)
        ?? throw new InvalidOperationException("The case's programme phase is missing from the reference data.");

    internal static MonitoringReport ToReport(Caller partner, ReportRequest r)
    {
        var answers = new ReportAnswers(Enum.Parse<WorkStatus>(r.Work!), r.IncomeCoversBasicNeeds!.Value, Enum.Parse<HousingSituation>(r.Housing!),
            Enum.Parse<FamilyTies>(r.FamilyTies!), r.TakesPartInCommunity!.Value, Enum.Parse<HealthAccess>(r.Health!),
            r.Wellbeing!.Value, r.FeelsSafe!.Value, r.WantsToStay!.Value);
        return new MonitoringReport
        {
            ContactMade = r.ContactMade!.Value,
            ContactMethod = Enum.Parse<ContactMethod>(r.ContactMethod!),
            Housing = answers.Housing,
            Work = answers.Work,
            IncomeCoversBasicNeeds = answers.IncomeCoversBasicNeeds,
            Health = answers.Health,
            FamilyTies = answers.FamilyTies,
            TakesPartInCommunity = answers.TakesPartInCommunity,
            Wellbeing = answers.Wellbeing,
            FeelsSafe = answers.FeelsSafe,
            WantsToStay = answers.WantsToStay,
            BudgetUseOnTrack = r.BudgetUseOnTrack!.Value,
            Narrative = r.Narrative!,
            DocumentIds = r.DocumentIds ?? [],
            Scores = SustainabilityScoring.Score(answers),
            SubmittedBy = partner.UserId,
        };
    }
}

public sealed record CheckpointView(string Id, int MonthsAfterArrival, DateOnly DueOn, CheckpointStatus Status, DateTimeOffset? SubmittedAt,
    MonitoringReport? Report, string? WaivedReason);
