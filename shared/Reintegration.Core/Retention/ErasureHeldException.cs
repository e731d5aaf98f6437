using Reintegration.Core.Errors;

namespace Reintegration.Core.Retention;

/// <summary>An erasure that something still holds back; each hold by its stable name ("open-case", "financial-retention").</summary>
public sealed class ErasureHeldException(IReadOnlyList<string> holds, string message) : ProgrammeException(message)
{
    public IReadOnlyList<string> Holds { get; } = holds;
}
