using Reintegration.Core.Errors;
using Reintegration.Core.Plans;

namespace Reintegration.Core.Cases;

/// <summary>Refusals of plan actions that name their real reason: the plan they need is not there.</summary>
public sealed partial class Case
{
    /// <summary>
    /// The plan an action works on must be there: its absence is the reason to name, not the status. Asked once the
    /// status allows the action.
    /// </summary>
    private void EnsurePlanReadyFor(CaseAction action)
    {
        if (action == CaseAction.SubmitPlan && Plan is not { Status: PlanStatus.Draft })
        {
            throw new RuleViolationException("There is no draft plan to submit.",
                [new RuleFailure("draft-plan-required", Plan is { Status: PlanStatus.Submitted }
                    ? "The current version is submitted already and waits for a coordinator's decision."
                    : "Draft the plan (PUT .../plan) first; submit-plan sends the current draft.")]);
        }
        if (action == CaseAction.ApprovePlan && Plan is not { Status: PlanStatus.Submitted })
        {
            throw new RuleViolationException("There is no submitted plan to approve.",
                [new RuleFailure("submitted-plan-required", "A plan is approved once its draft is submitted (submit-plan).")]);
        }
    }
}
