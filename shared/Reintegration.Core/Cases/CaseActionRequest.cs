namespace Reintegration.Core.Cases;

/// <summary>What a person sends with an action; which fields are needed depends on the action.</summary>
public sealed record CaseActionRequest
{
    public string? Reason { get; init; }
    public string? PartnerId { get; init; }
    public DateOnly? Date { get; init; }
    public string? Outcome { get; init; }
    /// <summary>For <c>transfer</c>: the referring organisation that takes over the person's guidance.</summary>
    public string? ReferringOrganisationId { get; init; }
}
