namespace Reintegration.Api.Representations;

/// <summary>
/// A page of cases, each in the caller's role view. <see cref="Removed"/> (deltas only): ids of cases that changed
/// and are no longer the caller's to see, to drop from a copy. <see cref="DeltaToken"/>: send as changedSince to get
/// what changed after this listing was read.
/// </summary>
public sealed record CaseListView(IReadOnlyList<object> Items, IReadOnlyList<string>? Removed, string? ContinuationToken, string DeltaToken);
