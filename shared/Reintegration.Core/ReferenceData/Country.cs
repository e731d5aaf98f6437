namespace Reintegration.Core.ReferenceData;

/// <summary>A country of return. Suspending it blocks new referrals and departures, never its history.</summary>
public sealed record Country
{
    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public bool Active { get; init; } = true;
    public string? SuspensionReason { get; init; }
}
