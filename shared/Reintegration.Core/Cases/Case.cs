using System.Text.Json.Serialization;
using Reintegration.Core.Access;
using Reintegration.Core.Cases.Parts;
using Reintegration.Core.Plans;
using Reintegration.Core.Referrals;
using Reintegration.Core.Spending;

namespace Reintegration.Core.Cases;

/// <summary>
/// One person's journey through the programme. The case is the unit of consistency: what must
/// change together (status, timeline, and later plan, ledger and checkpoints) lives in this one
/// document, so one conditional write changes it atomically.
/// </summary>
public sealed partial class Case
{
    public required string Id { get; init; }
    public required string PhaseId { get; init; }
    public required DateOnly ReferredOn { get; init; }
    public required DateTimeOffset ReferredAt { get; init; }

    /// <summary>
    /// Sorts listings newest first and is unique, so continuation tokens never skip cases referred
    /// at the same instant: the referral time to the tick, then the id.
    /// </summary>
    public string ListingKey => $"{ReferredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}Z/{Id}";
    public required string CountryOfReturn { get; init; }
    public required TargetGroup Category { get; init; }
    /// <summary>Who returns. Corrected through <see cref="Rectify"/>; anonymised after retention.</summary>
    [JsonInclude]
    public Returnee Person { get; private set; } = null!;

    [JsonInclude]
    public IReadOnlyList<FamilyMember> FamilyMembers { get; private set; } = [];

    [JsonInclude]
    public IReadOnlyList<Vulnerability> Vulnerabilities { get; private set; } = [];

    /// <summary>The consent to share with the partner as last given.</summary>
    [JsonInclude]
    public Consent Consent { get; private set; } = null!;

    [JsonInclude]
    public CaseStatus Status { get; private set; }

    /// <summary>When the case entered its current status: how long it has been waiting.</summary>
    [JsonInclude]
    public DateTimeOffset StatusChangedAt { get; private set; }

    [JsonInclude]
    public string? PartnerId { get; private set; }

    /// <summary>The plan being worked on: a draft, a submitted version, or the approved one.</summary>
    [JsonInclude]
    public ReintegrationPlan? Plan { get; private set; }

    /// <summary>The last approved plan: its budget lines are what is reserved.</summary>
    [JsonInclude]
    public ReintegrationPlan? ApprovedPlan { get; private set; }

    [JsonInclude]
    public DateOnly? DepartedOn { get; private set; }

    [JsonInclude]
    public DateOnly? ArrivedOn { get; private set; }

    [JsonInclude]
    public CaseOutcome? Outcome { get; private set; }

    /// <summary>The budget ledger: every spending against the approved plan's lines.</summary>
    [JsonInclude]
    public CaseLedger Spending { get; private set; } = new();

    [JsonInclude]
    public CashPayment? CashContributionPaid { get; private set; }

    /// <summary>Who did what when: every change of the case, transitions and others.</summary>
    [JsonInclude]
    public CaseTimeline Timeline { get; private set; } = new();

    /// <summary>Registers a new case from an eligible referral; its first timeline entry says who referred it.</summary>
    public static Case Refer(string id, Caller caseworker, DateTimeOffset now, DateOnly today, ReferralRequest referral,
        TargetGroup category, string phaseId)
    {
        var person = referral.Person!;
        var referred = new Case
        {
            Id = id,
            ReferringOrganisationId = caseworker.OrganisationId,
            PhaseId = phaseId,
            ReferredOn = today,
            ReferredAt = now,
            CountryOfReturn = referral.CountryOfReturn!,
            Category = category,
            Person = new Returnee
            {
                GivenName = person.GivenName!,
                FamilyName = person.FamilyName!,
                DateOfBirth = person.DateOfBirth!.Value,
                Nationality = person.Nationality!,
                Contact = new Contact
                {
                    Phone = person.Contact?.Phone,
                    Email = person.Contact?.Email,
                    Address = person.Contact?.Address,
                },
            },
            FamilyMembers = (referral.FamilyMembers ?? []).Select(m => new FamilyMember
            {
                GivenName = m.GivenName!,
                FamilyName = m.FamilyName!,
                DateOfBirth = m.DateOfBirth!.Value,
                Relationship = m.Relationship!,
            }).ToList(),
            Vulnerabilities = (referral.Vulnerabilities ?? []).Select(v => new Vulnerability
            {
                Kind = v.Kind!,
                Description = v.Description,
            }).ToList(),
            Consent = new Consent
            {
                SharingWithPartner = referral.Consent!.SharingWithPartner!.Value,
                GivenOn = referral.Consent.GivenOn!.Value,
                Method = referral.Consent.Method!,
                RecordedBy = caseworker.UserId,
            },
            Status = CaseStatus.Referred,
            StatusChangedAt = now,
        };
        referred.ConsentHistory.Add(new ConsentChange(ConsentChangeKind.Given, referred.Consent.GivenOn, referred.Consent.Method,
            null, caseworker.UserId, now));
        referred.Timeline.Add("refer", caseworker, now, null, CaseStatus.Referred, null);
        return referred;
    }

    /// <summary>A change that is not a transition: recorded in the timeline with the status unchanged.</summary>
    private void Record(string action, Caller actor, DateTimeOffset now, string? reason) =>
        Timeline.Add(action, actor, now, Status, Status, reason);
}
