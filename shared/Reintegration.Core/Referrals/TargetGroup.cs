namespace Reintegration.Core.Referrals;

/// <summary>The four target groups a referral must name (programme.md, "Who is served").</summary>
public enum TargetGroup
{
    /// <summary>Awaiting a decision on an asylum application in the Netherlands.</summary>
    AwaitingAsylumDecision,
    /// <summary>Holding a temporary asylum permit, returning voluntarily and willing to give it up.</summary>
    TemporaryPermitHolder,
    /// <summary>No right of residence: asylum procedure exhausted ("uitgeprocedeerd").</summary>
    AsylumProcedureExhausted,
    /// <summary>Vulnerable migrant without an asylum background and without right of residence.</summary>
    VulnerableMigrant,
}
