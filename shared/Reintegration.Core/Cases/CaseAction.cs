namespace Reintegration.Core.Cases;

/// <summary>Every change a person can make to a case; each is one explicit transition.</summary>
public enum CaseAction
{
    Accept,
    Reject,
    AssignPartner,
    DraftPlan,
    SubmitPlan,
    ApprovePlan,
    Depart,
    ConfirmArrival,
    Withdraw,
    Close,
    ReassignPartner,
    Transfer,
}

/// <summary>How a case ended.</summary>
public enum CaseOutcome
{
    Completed,
    DidNotDepart,
    Withdrew,
    ContactLost,
    Other,
}
