using System.Text.Json.Serialization;
using Reintegration.Core.Access;
using Reintegration.Core.Errors;
using Reintegration.Core.Monitoring;

namespace Reintegration.Core.Cases;

/// <summary>
/// Consent to share with the partner can be withdrawn and given again (GDPR art. 7(3)). While withdrawn, the partner
/// does not see the case, and monitoring and its alerts pause; the history of consent stays on the case.
/// </summary>
public sealed partial class Case
{
    /// <summary>Always written, so the partner's listing can filter on it.</summary>
    [JsonInclude]
    public bool ConsentWithdrawn { get; private set; }

    [JsonInclude]
    public List<ConsentChange> ConsentHistory { get; private set; } = [];

    /// <summary>Whether the partner may see the case now.</summary>
    [JsonIgnore]
    public bool SharedWithPartner => Consent.SharingWithPartner && !ConsentWithdrawn;

    public void WithdrawConsent(Caller caseworker, DateTimeOffset now, DateOnly on, string method, string reason)
    {
        if (ConsentWithdrawn)
        {
            throw new ConflictException("Consent is withdrawn already.");
        }
        ConsentWithdrawn = true;
        ConsentHistory.Add(new ConsentChange(ConsentChangeKind.Withdrawn, on, method, reason, caseworker.UserId, now));
        // Undelivered alerts to the partner are dropped; it is told once that the case is paused, without personal data.
        Outbox.DropPending(n => n.PartnerId is not null);
        TellPartner(AlertKind.CasePaused, on, now);
        Record("withdraw-consent", caseworker, now, reason);
    }

    public void GiveConsent(Caller caseworker, DateTimeOffset now, DateOnly on, string method, string? reason)
    {
        if (!ConsentWithdrawn)
        {
            throw new ConflictException("Consent stands; there is nothing to give again.");
        }
        ConsentWithdrawn = false;
        Consent = Consent with { SharingWithPartner = true, GivenOn = on, Method = method, RecordedBy = caseworker.UserId };
        ConsentHistory.Add(new ConsentChange(ConsentChangeKind.Given, on, method, reason, caseworker.UserId, now));
        TellPartner(AlertKind.CaseResumed, on, now);
        Record("give-consent", caseworker, now, reason);
    }

    /// <summary>Records the notice for the assigned partner; one per change of consent (the history's length keeps ids apart).</summary>
    private void TellPartner(AlertKind kind, DateOnly on, DateTimeOffset now)
    {
        if (PartnerId is null)
        {
            return;
        }
        Outbox.Add(new Notification
        {
            MessageId = Notification.IdFor(Id, "consent", kind, DateOnly.FromDateTime(now.UtcDateTime)) + $"/{ConsentHistory.Count}",
            Kind = kind,
            CheckpointId = "",
            DueOn = on,
            PartnerId = PartnerId,
            CreatedAt = now,
        });
    }
}

public enum ConsentChangeKind
{
    Given,
    Withdrawn,
}

/// <summary>One giving or withdrawal of consent: when it was expressed, how, why, and who recorded it when.</summary>
public sealed record ConsentChange(ConsentChangeKind Kind, DateOnly On, string Method, string? Reason, string RecordedBy,
    DateTimeOffset RecordedAt);
