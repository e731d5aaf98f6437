namespace Reintegration.Core.ReferenceData;

/// <summary>Settings of section "ReferenceData" (docs/decisions/0009-organisation-in-the-token.md).</summary>
public sealed class ReferenceDataCacheOptions
{
    public const string Section = "ReferenceData";

    /// <summary>The longest the app answers from reference data read earlier; 0 reads the store every time.</summary>
    public static readonly TimeSpan DefaultMaxStaleness = TimeSpan.FromSeconds(30);

    /// <summary>Above this a deactivated organisation would keep its people in for too long.</summary>
    public static readonly TimeSpan MaxAllowedStaleness = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a deactivation or other change made on another instance can go unseen here. A change made through this
    /// instance is seen at once.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = DefaultMaxStaleness;

    public bool IsValid => MaxStaleness >= TimeSpan.Zero && MaxStaleness <= MaxAllowedStaleness;
}
