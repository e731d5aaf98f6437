using Reintegration.Core.Errors;

namespace Reintegration.Core.Search;

/// <summary>A referral for a person who has an open case in the caller's scope: answered 409 naming that case.</summary>
public sealed class DuplicatePersonException(string existingCaseId)
    : ProgrammeException($"The person has an open case, {existingCaseId}: work on that case, or close it before referring the person again.")
{
    public string ExistingCaseId { get; } = existingCaseId;
}
