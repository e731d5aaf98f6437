using Reintegration.Core.Cases;
using Reintegration.Core.Errors;

namespace Reintegration.Core.Access;

/// <summary>
/// The one place that decides who may see a case and who may register one. A case outside the
/// caller's scope is reported as not found, so its existence is not revealed.
/// </summary>
public static class CaseAccessPolicy
{
    public static CaseScope ScopeOf(Caller caller) => caller.Role switch
    {
        Role.Coordinator or Role.Dpo => new CaseScope.AllCases(),
        Role.Caseworker => new CaseScope.OfReferringOrganisation(caller.OrganisationId),
        Role.Partner => new CaseScope.AssignedToPartner(caller.OrganisationId),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public static bool CanSee(Caller caller, Case @case) => ScopeOf(caller) switch
    {
        CaseScope.AllCases => true,
        CaseScope.OfReferringOrganisation scope => @case.ReferringOrganisationId == scope.OrganisationId,
        CaseScope.AssignedToPartner scope => @case.PartnerId == scope.PartnerId,
        _ => false,
    };

    public static void EnsureCanSee(Caller caller, Case? @case, string caseId)
    {
        if (@case is null || !CanSee(caller, @case))
        {
            throw new NotFoundException($"Case {caseId}");
        }
    }

    /// <summary>404 when the case is outside the caller's scope; 403 when the role may never take the action.</summary>
    public static void EnsureMayAct(Caller caller, Case? @case, string caseId, CaseAction action)
    {
        EnsureCanSee(caller, @case, caseId);
        if (!CaseWorkflow.RoleMay(action, caller.Role))
        {
            throw new ForbiddenException($"A {caller.RoleName} may not {CaseWorkflow.Name(action)} a case.");
        }
    }

    /// <summary>What the caller may do with the case now: the buttons a client shows.</summary>
    public static IEnumerable<CaseAction> AllowedActions(Caller caller, Case @case) =>
        CanSee(caller, @case)
            ? Enum.GetValues<CaseAction>().Where(a => CaseWorkflow.RoleMay(a, caller.Role) && @case.Allows(a))
            : [];

    /// <summary>The history shows who did what in which organisation: not for partners.</summary>
    public static void EnsureMayReadTimeline(Caller caller, Case? @case, string caseId)
    {
        EnsureCanSee(caller, @case, caseId);
        if (caller.Role == Role.Partner)
        {
            throw new ForbiddenException("The case's timeline is for the referring organisation, coordinators and the DPO.");
        }
    }

    /// <summary>Those who work on the case add documents and spending while it is open; the DPO only reads.</summary>
    public static void EnsureMayContribute(Caller caller, Case? @case, string caseId, string what)
    {
        EnsureCanSee(caller, @case, caseId);
        if (caller.Role == Role.Dpo)
        {
            throw new ForbiddenException($"The data protection officer reads cases but does not add {what}.");
        }
        if (!CaseWorkflow.IsOpen(@case!.Status))
        {
            throw new ConflictException($"The case is {@case.Status}: no {what} can be added.");
        }
    }

    /// <summary>Spending is recorded by the partner who spends the budget with the returnee.</summary>
    public static void EnsureMaySpend(Caller caller, Case? @case, string caseId)
    {
        EnsureMayContribute(caller, @case, caseId, "spending");
        if (caller.Role != Role.Partner)
        {
            throw new ForbiddenException("Only the assigned partner records spending.");
        }
    }

    /// <summary>Monitoring reports come from the partner assigned to the case.</summary>
    public static void EnsureMayReport(Caller caller, Case? @case, string caseId)
    {
        EnsureCanSee(caller, @case, caseId);
        if (caller.Role != Role.Partner)
        {
            throw new ForbiddenException("Monitoring reports are filed by the assigned partner.");
        }
    }

    /// <summary>A coordinator may waive a checkpoint.</summary>
    public static void EnsureMayWaive(Caller caller, Case? @case, string caseId)
    {
        EnsureCanSee(caller, @case, caseId);
        if (caller.Role != Role.Coordinator)
        {
            throw new ForbiddenException("Only a coordinator waives a monitoring checkpoint.");
        }
    }

    public static void EnsureCanRefer(Caller caller)
    {
        if (caller.Role != Role.Caseworker)
        {
            throw new ForbiddenException("Only a caseworker of a referring organisation registers referrals.");
        }
    }
}
