using System.Text.Json;
using Reintegration.Core;
using Reintegration.Core.Ids;
using Reintegration.Core.Monitoring;

namespace Reintegration.Api.Queues;

/// <summary>Queue messages are input too: a malformed one fails loudly (and ends in the poison queue), never half-works.</summary>
public static class WorkMessages
{
    public static CaseId Read(string message)
    {
        var work = JsonSerializer.Deserialize<CaseWork>(message, ProgrammeJson.Options);
        return work is not null && CaseId.TryFrom(work.CaseId) is { IsSuccess: true } parsed
            ? parsed.ValueObject
            : throw new FormatException("The queue message does not name a case.");
    }
}
