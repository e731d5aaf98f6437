using Reintegration.Core.Access;
using Reintegration.Core.Errors;

namespace Reintegration.Core.Cases;

/// <summary>
/// Another referring organisation takes over the person's guidance. The organisation is set at referral and changes
/// only here, so every change of who guides the person is a <c>transfer</c> in the timeline.
/// </summary>
public sealed partial class Case
{
    private string referringOrganisationId = null!;

    /// <summary>The referring organisation that guides the person: set at referral, changed only by <see cref="Transfer"/>.</summary>
    public required string ReferringOrganisationId
    {
        get => referringOrganisationId;
        init => referringOrganisationId = value;
    }

    /// <summary>
    /// Moves the case to <paramref name="to"/>: its caseworkers see the case from now on and the old organisation's do not.
    /// Escalations not yet sent to the old organisation go to the new one. The timeline names who, from, to and why.
    /// </summary>
    public void Transfer(Caller coordinator, DateTimeOffset now, string to, string reason)
    {
        if (Allows(CaseAction.Transfer) && to == ReferringOrganisationId)
        {
            throw new RuleViolationException("The case is with this organisation already.",
                [new RuleFailure("referring-organisation-changes", $"'{to}' guides the person now; name another referring organisation.")]);
        }
        var from = ReferringOrganisationId;
        Move(CaseAction.Transfer, coordinator, now, Status, $"From {from} to {to}: {reason}");
        referringOrganisationId = to;
        var readdressed = Readdress(n => n.OrganisationId == from, n => n with { OrganisationId = to });
        OnReferringOrganisationChanged(from, to, coordinator, now, readdressed);
    }

    /// <summary>
    /// Where the case leaves one referring organisation for another: a notification to either goes here (in a partial
    /// file of its own). Called after the change, with the number of pending alerts that were re-addressed.
    /// </summary>
    partial void OnReferringOrganisationChanged(string from, string to, Caller coordinator, DateTimeOffset now, int readdressedAlerts);
}
