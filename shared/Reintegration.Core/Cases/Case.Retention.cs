using System.Text.Json.Serialization;
using Reintegration.Core.Monitoring;
using Reintegration.Core.Time;

namespace Reintegration.Core.Cases;

/// <summary>
/// Retention after the case ended: the personal data is anonymised, then the financial files go after the funder's
/// audit period. What statistics need stays: country, target group, phase, the dates of the journey, amounts and scores
/// (docs/decisions/0014-retention-and-erasure.md).
/// </summary>
public sealed partial class Case
{
    /// <summary>The day (programme time) the case was closed, withdrawn or rejected; retention periods count from it.</summary>
    [JsonInclude]
    public DateOnly? EndedOn { get; private set; }

    /// <summary>What retention still has to do; indexed with <see cref="EndedOn"/>, so the job reads only cases that are due.</summary>
    [JsonInclude]
    public RetentionStage RetentionStage { get; private set; }

    /// <summary>Set by the first write of an erasure and cleared by its last; indexed, so a run that stopped half-way is finished.</summary>
    [JsonInclude]
    public bool ErasureInProgress { get; private set; }

    [JsonInclude]
    public PendingErasure? PendingErasure { get; private set; }

    /// <summary>When, why and on whose decision the personal data was anonymised; null while it is held.</summary>
    [JsonInclude]
    public Anonymisation? Anonymisation { get; private set; }

    /// <summary>When the files kept for the funder's audit were deleted.</summary>
    [JsonInclude]
    public DateTimeOffset? FinancialFilesErasedAt { get; private set; }

    /// <summary>Whether the erasure of this scope has been done completely already.</summary>
    public bool Erased(ErasureScope scope) => !ErasureInProgress && (scope == ErasureScope.Everything
        ? RetentionStage == RetentionStage.Complete
        : RetentionStage is RetentionStage.FinancialRecords or RetentionStage.Complete);

    /// <summary>
    /// The first write of an erasure: marks the case, so that a run that stops before the last write is found and
    /// finished. Answers the erasure to carry out: a wider scope asked for while one is pending wins.
    /// </summary>
    public PendingErasure BeginErasure(PendingErasure erasure)
    {
        if (PendingErasure is { } pending)
        {
            PendingErasure = erasure.Scope == ErasureScope.Everything && pending.Scope != ErasureScope.Everything
                ? pending with { Scope = ErasureScope.Everything }
                : pending;
        }
        else
        {
            PendingErasure = erasure;
        }
        ErasureInProgress = true;
        return PendingErasure;
    }

    /// <summary>
    /// The last write of an erasure, after the files are gone: anonymises the case (once), records it, moves retention
    /// on and clears the mark. <paramref name="financialFilesKept"/>: whether files stay for the funder's audit.
    /// <paramref name="filesLocked"/>: files storage cannot delete yet; the case is anonymised, and the mark stays so
    /// that a later run deletes them and finishes.
    /// </summary>
    public void CompleteErasure(DateTimeOffset now, bool financialFilesKept, bool filesLocked = false)
    {
        if (PendingErasure is not { } erasure)
        {
            return;
        }
        var actor = erasure.RequestedBy;
        var reason = erasure.Why == ErasureReason.Retention ? "Retention period after the case ended" : "Erasure request";
        if (Anonymise(new Anonymisation(now, erasure.Why, actor.Id, actor.Role, actor.OrganisationId, erasure.Reason)))
        {
            AddSystemEntry("anonymise", actor, now, reason);
        }
        if (filesLocked)
        {
            return;
        }
        var everything = erasure.Scope == ErasureScope.Everything || !financialFilesKept;
        if (everything && FinancialFilesErasedAt is null)
        {
            FinancialFilesErasedAt = now;
            AddSystemEntry("erase-financial-files", actor, now, reason);
        }
        RetentionStage = everything ? RetentionStage.Complete : RetentionStage.FinancialRecords;
        PendingErasure = null;
        ErasureInProgress = false;
    }

    /// <summary>
    /// Removes what identifies the person and keeps what statistics need. Answers false when the case was anonymised
    /// already: the first record stands.
    /// </summary>
    public bool Anonymise(Anonymisation anonymisation)
    {
        if (Anonymisation is not null)
        {
            return false;
        }
        Person = Person with
        {
            GivenName = "",
            FamilyName = "",
            DateOfBirth = YearOnly(Person.DateOfBirth),
            Contact = new Contact(),
        };
        FamilyMembers = FamilyMembers.Select(m => m with { GivenName = "", FamilyName = "", DateOfBirth = YearOnly(m.DateOfBirth) }).ToList();
        Vulnerabilities = Vulnerabilities.Select(v => v with { Description = null }).ToList();
        Plan = WithoutText(Plan);
        ApprovedPlan = WithoutText(ApprovedPlan);
        Spending.ForgetDescriptions();
        Checkpoints.ForgetText();
        ConsentHistory = ConsentHistory.Select(c => c with { Reason = null }).ToList();
        Timeline.ForgetReasons();
        Outbox.DropPending();
        Anonymisation = anonymisation;
        return true;
    }

    /// <summary>Retention starts when the case ends; called by the transitions to Closed and Rejected.</summary>
    private void StartRetention(DateTimeOffset now)
    {
        EndedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ProgrammeClock.DefaultZone).DateTime);
        RetentionStage = RetentionStage.PersonalData;
    }

    /// <summary>Only the year stays: the day and month become 1 January (the case's anonymisation says so).</summary>
    private static DateOnly YearOnly(DateOnly date) => new(date.Year, 1, 1);

    private static Plans.ReintegrationPlan? WithoutText(Plans.ReintegrationPlan? plan) => plan is null ? null : plan with
    {
        Goals = plan.Goals.Select(g => g with { Description = "" }).ToList(),
        BudgetLines = plan.BudgetLines.Select(l => l with { Description = "" }).ToList(),
        ApprovalReason = plan.ApprovalReason is null ? null : "",
    };

    private void AddSystemEntry(string action, ErasureActor actor, DateTimeOffset now, string reason) =>
        Timeline.Add(action, actor.Id, actor.Role, actor.OrganisationId, now, Status, Status, reason);
}

/// <summary>What retention still has to do with a case.</summary>
public enum RetentionStage
{
    /// <summary>The case is open: retention has not started.</summary>
    None,
    /// <summary>Ended; the personal data is held until the personal data period passes.</summary>
    PersonalData,
    /// <summary>Anonymised; files that prove spending are held until the funder's audit period passes.</summary>
    FinancialRecords,
    /// <summary>Nothing is left to erase.</summary>
    Complete,
}

public enum ErasureScope
{
    /// <summary>Anonymise the case and delete every file except those the funder's audit needs.</summary>
    PersonalData,
    /// <summary>That, and the files kept for the funder's audit.</summary>
    Everything,
}

public enum ErasureReason
{
    Retention,
    ErasureRequest,
}

/// <summary>Who decided an erasure: the data protection officer, or the app itself when a period passed.</summary>
public sealed record ErasureActor(string Id, string Role, string OrganisationId)
{
    public static readonly ErasureActor System = new(Case.SystemActor, Case.SystemActor, Case.SystemActor);
}

/// <summary>An erasure begun and not yet finished; the reason is the DPO's own words, kept as the record of the decision.</summary>
public sealed record PendingErasure(ErasureScope Scope, ErasureReason Why, ErasureActor RequestedBy, string? Reason, DateTimeOffset StartedAt);

/// <summary>When the personal data was anonymised, why, and on whose decision.</summary>
public sealed record Anonymisation(DateTimeOffset At, ErasureReason Why, string ById, string ByRole, string ByOrganisationId, string? Reason);
