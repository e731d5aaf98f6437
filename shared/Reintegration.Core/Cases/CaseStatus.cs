namespace Reintegration.Core.Cases;

/// <summary>Where a case stands in the journey (programme.md, "The journey of one case").</summary>
public enum CaseStatus
{
    Referred,
    Accepted,
    Rejected,
    PartnerAssigned,
    PlanSubmitted,
    PlanApproved,
    Departed,
    Arrived,
    Monitoring,
    Closed,
}
