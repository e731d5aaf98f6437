using System.Text.Json.Serialization;

namespace Reintegration.Core.Cases;

/// <summary>
/// The versions a person may still act on. Marking notices sent is bookkeeping nobody decides on, so it leaves the
/// version a person read current: otherwise a caseworker whose change left its notices to the queue would be refused
/// (412) for the queue's work (docs/decisions/0023-bookkeeping-keeps-the-version-current.md).
/// </summary>
public sealed partial class Case
{
    /// <summary>Enough for every marking of a busy case between two changes people make.</summary>
    private const int MaxVersionsStillCurrent = 20;

    /// <summary>The earlier versions this one differs from by bookkeeping only, oldest first.</summary>
    [JsonInclude]
    public IReadOnlyList<string> VersionsStillCurrent { get; private set; } = [];

    /// <summary>Whether a person who read <paramref name="version"/> has seen all of this one that a decision rests on.</summary>
    public bool StillCurrent(string version) => VersionsStillCurrent.Contains(version);

    /// <summary>Before a write of bookkeeping only: the version it replaces stays current.</summary>
    internal void KeepCurrent(string replacedVersion) =>
        VersionsStillCurrent = [.. VersionsStillCurrent.TakeLast(MaxVersionsStillCurrent - 1), replacedVersion];

    /// <summary>Before every other write: the versions before it are stale.</summary>
    internal void ForgetEarlierVersions() => VersionsStillCurrent = [];
}
