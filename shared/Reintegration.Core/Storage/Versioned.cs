namespace Reintegration.Core.Storage;

/// <summary>A stored value with the ETag of the version read; changes send it back as If-Match.</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>One page of a listing, with the opaque token that continues it (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
