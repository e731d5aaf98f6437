using Reintegration.Core.Monitoring;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Imports;

/// <summary>
/// One carried-over case, one line of an import file (JSON lines). The parts a referral, a plan, a spending and a
/// report have are the API's own request records, so each is checked by the same validator as a request.
/// </summary>
public sealed record ImportRow
{
    /// <summary>The case's reference in the programme it comes from; unique; the case id is derived from it.</summary>
    public string? ExternalReference { get; init; }
    public string? ReferringOrganisationId { get; init; }
    public string? PartnerId { get; init; }
    /// <summary>The phase the case belongs to; when left out, the phase that ran on <see cref="ReferredOn"/>.</summary>
    public string? PhaseId { get; init; }
    public DateOnly? ReferredOn { get; init; }
    public PersonDetails? Person { get; init; }
    public string? CountryOfReturn { get; init; }
    public string? Category { get; init; }
    public List<FamilyMemberDetails>? FamilyMembers { get; init; }
    public List<VulnerabilityDetails>? Vulnerabilities { get; init; }
    public ConsentDetails? Consent { get; init; }
    /// <summary>The approved plan: budget lines without ids are numbered line-1, line-2, ... in their order.</summary>
    public PlanRequest? Plan { get; init; }
    public DateOnly? PlanApprovedOn { get; init; }
    /// <summary>Why a plan above the budget policy was approved; required exactly as at approval.</summary>
    public string? ApprovalReason { get; init; }
    public DateOnly? DepartedOn { get; init; }
    public DateOnly? ArrivedOn { get; init; }
    public List<SpendingRequest>? Spending { get; init; }
    public List<ImportedReport>? Reports { get; init; }

    /// <summary>The referral part, checked by the referral validator and the eligibility rules.</summary>
    public ReferralRequest AsReferral() => new()
    {
        Person = Person,
        CountryOfReturn = CountryOfReturn,
        Category = Category,
        FamilyMembers = FamilyMembers,
        Vulnerabilities = Vulnerabilities,
        Consent = Consent,
    };
}

/// <summary>A monitoring report the partner already submitted for a checkpoint ("m1", "m3", ...).</summary>
public sealed record ImportedReport
{
    public string? Checkpoint { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public ReportRequest? Report { get; init; }
}
